package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.WorkerConfig;
import org.junit.jupiter.api.Test;

/**
 * A record's {@code denoise.self-ensemble: true} reaches the model (real broker, real weights): the
 * output is exactly what the API's self-ensemble gives, {@code false} is one pass, and the header
 * travels on to the output. A value other than true or false is in {@link PoisonPillTest}.
 */
class SelfEnsembleHeaderTest extends BrokerTest {
    private static final String MODEL = "denoise/gaussian-gray";

    @Test
    void theHeaderAveragesTheEightOrientationsOfThatRecordOnly() throws Exception {
        ImageData noisy = SampleImages.camera(64).noisy();
        ImageCodec codec = ImageCodec.defaults();
        byte[] png = codec.encode(noisy);
        kafka.createTopics(1, "se-in");
        WorkerConfig config = TestWorkers.config(kafka.bootstrapServers(), "se-in", "se-out", Map.of("model", MODEL));
        try (BackgroundWorker worker = new BackgroundWorker(config);
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("se-out", "se-in")) {
            publisher.send("se-in", "on", png, Map.of(MessageHeaders.SELF_ENSEMBLE, "true"));
            publisher.send("se-in", "off", png, Map.of(MessageHeaders.SELF_ENSEMBLE, "false"));
            publisher.send("se-in", "unset", png, Map.of());
            publisher.flush();
            List<ConsumerRecord<byte[], byte[]>> results = collector.collect(3, Duration.ofSeconds(120));
            Map<String, ConsumerRecord<byte[], byte[]>> byKey = new HashMap<>();
            results.forEach(r -> byKey.put(Records.key(r), r));
            for (ConsumerRecord<byte[], byte[]> result : results) {
                assertEquals("se-out", result.topic(), Records.key(result) + ": " + Records.header(result, MessageHeaders.ERROR));
            }
            try (Denoiser denoiser = Denoiser.builder().model(MODEL).build()) {
                assertArrayEquals(codec.encode(denoiser.withSelfEnsemble(true).denoise(noisy)), byKey.get("on").value(),
                        "true: the API's self-ensemble");
                assertArrayEquals(codec.encode(denoiser.denoise(noisy)), byKey.get("off").value(), "false: one pass");
            }
            assertArrayEquals(byKey.get("off").value(), byKey.get("unset").value(), "one pass unless asked");
            assertEquals("true", Records.header(byKey.get("on"), MessageHeaders.SELF_ENSEMBLE), "the request travels on");
        }
    }
}
