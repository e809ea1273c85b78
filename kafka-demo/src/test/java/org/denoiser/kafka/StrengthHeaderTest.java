package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.io.ImageCodec;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.WorkerConfig;
import org.junit.jupiter.api.Test;

/**
 * A record's {@code denoise.strength} reaches a noise-level-conditioned model (real broker, real
 * weights): the output says which level the model was told, and a stronger setting gives another
 * image. Bad strength values are in {@link PoisonPillTest}.
 */
class StrengthHeaderTest extends BrokerTest {
    private static final String MODEL = "denoise/poisson-gauss-nl";

    @Test
    void theStrengthHeaderScalesTheLevelAndIsReported() throws Exception {
        byte[] png = ImageCodec.defaults().encode(SampleImages.camera(64).noisy());
        kafka.createTopics(1, "st-in");
        WorkerConfig config = TestWorkers.config(kafka.bootstrapServers(), "st-in", "st-out", Map.of());
        try (BackgroundWorker worker = new BackgroundWorker(config);
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("st-out", "st-in")) {
            for (String strength : new String[] {"", "1", "2"}) {
                Map<String, String> headers = new HashMap<>(Map.of(MessageHeaders.MODEL, MODEL));
                if (!strength.isEmpty()) {
                    headers.put(MessageHeaders.STRENGTH, strength);
                }
                publisher.send("st-in", "s" + strength, png, headers);
            }
            publisher.flush();
            List<ConsumerRecord<byte[], byte[]>> results = collector.collect(3, Duration.ofSeconds(120));
            Map<String, ConsumerRecord<byte[], byte[]>> byKey = new HashMap<>();
            results.forEach(r -> byKey.put(Records.key(r), r));
            for (ConsumerRecord<byte[], byte[]> result : results) {
                assertEquals("st-out", result.topic(), Records.key(result) + ": " + Records.header(result, MessageHeaders.ERROR));
                System.out.println(Records.key(result) + ": " + Records.header(result, MessageHeaders.NOISE_LEVEL));
            }
            String unset = Records.header(byKey.get("s"), MessageHeaders.NOISE_LEVEL);
            assertTrue(unset.startsWith("noise level shot") && unset.contains("estimated)"), unset);
            assertEquals(unset, Records.header(byKey.get("s1"), MessageHeaders.NOISE_LEVEL), "strength 1 is the default");
            assertTrue(Records.header(byKey.get("s2"), MessageHeaders.NOISE_LEVEL).contains("estimated x2.0"));
            assertTrue(Arrays.equals(byKey.get("s").value(), byKey.get("s1").value()));
            assertNotEquals(Arrays.hashCode(byKey.get("s").value()), Arrays.hashCode(byKey.get("s2").value()),
                    "strength 2 changes the image");
        }
    }

    @Test
    void blindModelsSetNoNoiseLevelHeader() throws Exception {
        byte[] png = ImageCodec.defaults().encode(SampleImages.camera(64).noisy());
        kafka.createTopics(1, "blind-in");
        WorkerConfig config = TestWorkers.config(kafka.bootstrapServers(), "blind-in", "blind-out", Map.of());
        try (BackgroundWorker worker = new BackgroundWorker(config);
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("blind-out", "blind-in")) {
            publisher.send("blind-in", "blind", png, Map.of(MessageHeaders.STRENGTH, "1"));
            publisher.flush();
            ConsumerRecord<byte[], byte[]> result = collector.collect(1, Duration.ofSeconds(120)).get(0);
            assertEquals("blind-out", result.topic(), "strength 1 is every model's default: " + Records.header(result, MessageHeaders.ERROR));
            assertNull(result.headers().lastHeader(MessageHeaders.NOISE_LEVEL));
        }
    }
}
