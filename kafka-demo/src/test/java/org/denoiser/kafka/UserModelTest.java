package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImage;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.train.NoisyPlanes;
import org.denoiser.train.SelfSupervisedTraining;
import org.denoiser.zoo.UserModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model the user trained on their own data (train-self) serves records by its id, like a shipped one. */
class UserModelTest extends BrokerTest {
    private static final String HOME = "denoiser.home";
    private String previousHome;

    @BeforeEach
    void ownDenoiserHome(@TempDir Path home) {
        previousHome = System.getProperty(HOME);
        System.setProperty(HOME, home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty(HOME);
        } else {
            System.setProperty(HOME, previousHome);
        }
    }

    @Test
    void aSelfTrainedModelIsUsedByIdAndMatchesADirectRun(@TempDir Path scratch) throws Exception {
        SampleImage sample = SampleImages.timeLapse(64, 3);
        ImageCodec codec = ImageCodec.defaults();
        SelfSupervisedTraining.Result trained = SelfSupervisedTraining.builder().maxSteps(5).build()
                .train(new NoisyPlanes().add(sample.noisy(), sample.name()), scratch.resolve("savedmodel"));
        UserModels.standard().install(trained.savedModel(), trained.modelInfo("camera-7", "1"), List.of());

        kafka.createTopics(1, "user-in");
        byte[] bytes = codec.encode(sample.noisy());
        try (BackgroundWorker worker = new BackgroundWorker(TestWorkers.config(kafka.bootstrapServers(), "user-in", "user-out",
                        Map.of("model", "denoise/camera-7")));
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("user-out", "user-in");
                Denoiser direct = Denoiser.builder().model("denoise/camera-7").build()) {
            publisher.send("user-in", sample.name(), bytes, Map.of());
            publisher.flush();
            List<ConsumerRecord<byte[], byte[]>> results = collector.collect(1, Duration.ofSeconds(120));
            assertEquals(1, results.size());
            ConsumerRecord<byte[], byte[]> result = results.get(0);
            assertEquals("user-out", result.topic(), Records.header(result, MessageHeaders.ERROR));
            assertEquals("denoise/camera-7", Records.header(result, MessageHeaders.MODEL));
            ImageData expected = direct.denoise(codec.decode(bytes));
            assertArrayEquals(codec.encode(expected), result.value(), "worker output equals a direct run with the user model");
        }
    }
}
