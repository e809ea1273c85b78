package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Every kind of bad input lands in the dead-letter topic with its original bytes and headers and
 * an error header, in order with the good images around it, and the worker keeps going.
 */
class PoisonPillTest extends BrokerTest {
    private record Pill(byte[] value, Map<String, String> headers, String expectedType) {}

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextImagesStillProcess() throws Exception {
        ImageCodec codec = ImageCodec.defaults();
        byte[] png = codec.encode(SampleImages.camera(64).noisy());
        byte[] tiff = codec.encode(SampleImages.timeLapse(64, 2).noisy());
        byte[] big = codec.encode(SampleImages.camera(128).noisy()); // over max.pixels below
        byte[] garbage = new byte[2000];
        new Random(1).nextBytes(garbage);
        Map<String, Pill> pills = new LinkedHashMap<>();
        pills.put("garbage", new Pill(garbage, Map.of(), "corrupt-image"));
        pills.put("truncated-tiff", new Pill(java.util.Arrays.copyOf(tiff, tiff.length / 3), Map.of(), "corrupt-image"));
        pills.put("empty", new Pill(new byte[0], Map.of(), "corrupt-image"));
        pills.put("wrong-content-type", new Pill(png, Map.of(MessageHeaders.CONTENT_TYPE, MessageHeaders.TIFF), "bad-headers"));
        pills.put("unsupported-content-type", new Pill(png, Map.of(MessageHeaders.CONTENT_TYPE, "image/jpeg"), "bad-headers"));
        pills.put("raw-without-shape", new Pill(new byte[64 * 64 * 4], Map.of(MessageHeaders.DTYPE, "float32"), "bad-headers"));
        pills.put("raw-wrong-length", new Pill(new byte[100], Map.of(MessageHeaders.DTYPE, "uint16",
                MessageHeaders.SHAPE, "64,64"), "bad-headers"));
        pills.put("too-large", new Pill(big, Map.of(), "image-too-large"));
        pills.put("unknown-model", new Pill(png, Map.of(MessageHeaders.MODEL, "denoise/no-such-model"), "unknown-model"));
        pills.put("strength-not-a-number", new Pill(png, Map.of(MessageHeaders.STRENGTH, "strong"), "bad-headers"));
        pills.put("strength-for-a-blind-model", new Pill(png, Map.of(MessageHeaders.STRENGTH, "1.5"), "bad-headers"));
        pills.put("self-ensemble-not-a-boolean", new Pill(png, Map.of(MessageHeaders.SELF_ENSEMBLE, "yes"), "bad-headers"));

        kafka.createTopics(1, "pp-in");
        WorkerConfig config = TestWorkers.config(kafka.bootstrapServers(), "pp-in", "pp-out", Map.of("max.pixels", "10000"));
        try (BackgroundWorker worker = new BackgroundWorker(config);
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("pp-out", "pp-in")) {
            for (Map.Entry<String, Pill> pill : pills.entrySet()) {
                Map<String, String> headers = new HashMap<>(pill.getValue().headers());
                headers.put(MessageHeaders.CORRELATION_ID, pill.getKey());
                publisher.send("pp-in", pill.getKey(), pill.getValue().value(), headers);
                publisher.send("pp-in", "good-after-" + pill.getKey(), png, Map.of(MessageHeaders.CORRELATION_ID, "good-after-" + pill.getKey()));
            }
            publisher.flush();
            List<ConsumerRecord<byte[], byte[]>> results = collector.collect(2 * pills.size(), Duration.ofSeconds(120));
            assertEquals(2 * pills.size(), results.size(), "one result per input");

            Map<String, ConsumerRecord<byte[], byte[]>> byKey = new HashMap<>();
            results.forEach(r -> byKey.put(Records.key(r), r));
            for (Map.Entry<String, Pill> pill : pills.entrySet()) {
                ConsumerRecord<byte[], byte[]> dead = byKey.get(pill.getKey());
                assertNotNull(dead, pill.getKey());
                assertEquals("pp-in.dlq", dead.topic(), pill.getKey() + " is dead-lettered");
                assertEquals(pill.getValue().expectedType(), Records.header(dead, MessageHeaders.ERROR_TYPE), pill.getKey());
                assertTrue(Records.header(dead, MessageHeaders.ERROR).length() > 10, "error says what is wrong");
                assertArrayEquals(pill.getValue().value(), dead.value(), "original bytes kept");
                assertEquals(pill.getKey(), Records.header(dead, MessageHeaders.CORRELATION_ID), "original headers kept");
                pill.getValue().headers().forEach((name, value) -> assertEquals(value, Records.header(dead, name), name));
                assertEquals("pp-in", Records.header(dead, MessageHeaders.SOURCE_TOPIC));
                assertNotNull(Records.header(dead, MessageHeaders.SOURCE_OFFSET));
                assertEquals("pp-out", byKey.get("good-after-" + pill.getKey()).topic(), "the next image is still denoised");
                System.out.printf("%-26s -> %s: %s%n", pill.getKey(), Records.header(dead, MessageHeaders.ERROR_TYPE),
                        Records.header(dead, MessageHeaders.ERROR));
            }
            assertEquals(pills.size(), worker.worker().metrics().getDeadLettered());
        }
    }
}
