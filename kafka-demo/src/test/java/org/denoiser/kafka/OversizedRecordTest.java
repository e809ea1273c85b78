package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.io.ImageCodec;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.WorkerConfig;
import org.denoiser.kafka.worker.WorkerMetrics;
import org.junit.jupiter.api.Test;

/**
 * Records that are too large for the worker, for its output topic or even for its dead-letter
 * topic never wedge their partition: they end as (possibly truncated) dead letters or, at worst,
 * are logged and skipped, and the images behind them arrive within seconds.
 */
class OversizedRecordTest extends BrokerTest {
    private static final int FORTY_MIB = 40 * 1024 * 1024;

    @Test
    void aFortyMebibyteRecordIsDeadLetteredTruncatedAndTheNextImageArrivesWithinSeconds() throws Exception {
        byte[] huge = rawFloats(FORTY_MIB / Float.BYTES);
        byte[] png = ImageCodec.defaults().encode(SampleImages.camera(64).noisy());
        // The input topic (and the broker) accept 64 MiB; the worker keeps its default 32 MiB limit.
        kafka.createTopics(1, 64 * 1024 * 1024, "os-in");
        try (BackgroundWorker worker = new BackgroundWorker(TestWorkers.config(kafka.bootstrapServers(), "os-in", "os-out", Map.of()));
                ImagePublisher publisher = new ImagePublisher(kafka.bootstrapServers(), 64 * 1024 * 1024);
                RecordCollector collector = collector("os-out", "os-in")) {
            publisher.sendNow("os-in", "huge", huge, Map.of(MessageHeaders.DTYPE, "float32", MessageHeaders.SHAPE, "2560,4096"));
            publisher.sendNow("os-in", "normal", png, Map.of());
            long published = System.nanoTime();
            Map<String, ConsumerRecord<byte[], byte[]>> byKey = byKey(collector.collect(2, Duration.ofSeconds(120)));
            double seconds = (System.nanoTime() - published) / 1e9;
            System.out.printf("40 MiB record then a normal image: both results %.1f s after publishing%n", seconds);

            ConsumerRecord<byte[], byte[]> dead = byKey.get("huge");
            assertEquals("os-in.dlq", dead.topic());
            assertEquals("image-too-large", Records.header(dead, MessageHeaders.ERROR_TYPE), Records.header(dead, MessageHeaders.ERROR));
            assertTrue(Records.header(dead, MessageHeaders.ERROR).contains("max.record.bytes"), Records.header(dead, MessageHeaders.ERROR));
            assertEquals(String.valueOf(FORTY_MIB), Records.header(dead, MessageHeaders.VALUE_TRUNCATED_FROM));
            assertArrayEquals(Arrays.copyOf(huge, dead.value().length), dead.value(), "the dead letter starts like the input");
            assertTrue(dead.value().length > 0 && dead.value().length < 1024 * 1024, "truncated: " + dead.value().length);
            assertEquals("os-out", byKey.get("normal").topic(), "the next image is denoised");
            assertTrue(seconds < 20, "the next image arrived " + seconds + " s after it was published");
            awaitNoLag(worker.worker().metrics());
        }
    }

    @Test
    void deadLettersTheDeadLetterTopicRefusesLoseTheirValueAndThenAreSkipped() throws Exception {
        byte[] png = ImageCodec.defaults().encode(SampleImages.camera(64).noisy());
        byte[] garbage = new byte[100_000];
        new Random(3).nextBytes(garbage);
        byte[] headerNoise = new byte[16_384];
        new Random(4).nextBytes(headerNoise);
        kafka.createTopics(1, "rf-in");
        createTopic("rf-in.dlq", "4096"); // made by someone else, far too small for images
        try (BackgroundWorker worker = new BackgroundWorker(TestWorkers.config(kafka.bootstrapServers(), "rf-in", "rf-out", Map.of()));
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("rf-out", "rf-in")) {
            publisher.send("rf-in", "garbage", garbage, Map.of());
            publisher.send("rf-in", "good-1", png, Map.of());
            publisher.send("rf-in", "garbage-big-header", new byte[100],
                    Map.of("x-trace", Base64.getEncoder().encodeToString(headerNoise)));
            publisher.send("rf-in", "good-2", png, Map.of());
            publisher.flush();
            Map<String, ConsumerRecord<byte[], byte[]>> byKey = byKey(collector.collect(3, Duration.ofSeconds(120)));
            byKey.putAll(byKey(collector.collect(Integer.MAX_VALUE, Duration.ofSeconds(2))));

            ConsumerRecord<byte[], byte[]> dead = byKey.get("garbage");
            assertEquals("rf-in.dlq", dead.topic());
            assertEquals(0, dead.value().length, "the topic refused the value; the headers say why");
            assertEquals("100000", Records.header(dead, MessageHeaders.VALUE_TRUNCATED_FROM));
            assertEquals("corrupt-image", Records.header(dead, MessageHeaders.ERROR_TYPE));
            assertEquals("rf-out", byKey.get("good-1").topic());
            assertEquals("rf-out", byKey.get("good-2").topic());
            assertEquals(3, byKey.size(), "the record with the oversized header is skipped: " + byKey.keySet());
            assertEquals(1, worker.worker().metrics().getSkipped());
            assertEquals(1, worker.worker().metrics().getDeadLettered());
            awaitNoLag(worker.worker().metrics());
        }
    }

    @Test
    void anOutputTheOutputTopicRefusesIsDeadLettered() throws Exception {
        byte[] png = ImageCodec.defaults().encode(SampleImages.camera(128).noisy());
        kafka.createTopics(1, "ro-in");
        createTopic("ro-out", "1024");
        try (BackgroundWorker worker = new BackgroundWorker(TestWorkers.config(kafka.bootstrapServers(), "ro-in", "ro-out", Map.of()));
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("ro-out", "ro-in")) {
            publisher.sendNow("ro-in", "image", png, Map.of(MessageHeaders.CORRELATION_ID, "c-1"));
            List<ConsumerRecord<byte[], byte[]>> results = collector.collect(1, Duration.ofSeconds(120));
            assertEquals(1, results.size());
            ConsumerRecord<byte[], byte[]> dead = results.get(0);
            assertEquals("ro-in.dlq", dead.topic());
            assertEquals("output-too-large", Records.header(dead, MessageHeaders.ERROR_TYPE), Records.header(dead, MessageHeaders.ERROR));
            assertArrayEquals(png, dead.value(), "the original image is kept");
            assertEquals("c-1", Records.header(dead, MessageHeaders.CORRELATION_ID));
            awaitNoLag(worker.worker().metrics());
        }
    }

    private static void createTopic(String name, String maxMessageBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(Map.of("max.message.bytes", maxMessageBytes))))
                    .all().get();
        }
    }

    /** The lag metric reaches 0 once everything is committed (it is refreshed every second). */
    private static void awaitNoLag(WorkerMetrics metrics) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (metrics.getLag() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, metrics.getLag(), "lag after every record was committed");
    }

    private static Map<String, ConsumerRecord<byte[], byte[]>> byKey(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, ConsumerRecord<byte[], byte[]>> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(Records.key(r), r));
        return byKey;
    }

    private static byte[] rawFloats(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < count; i++) {
            buffer.putFloat((float) (1000 + 50 * random.nextGaussian()));
        }
        return buffer.array();
    }
}
