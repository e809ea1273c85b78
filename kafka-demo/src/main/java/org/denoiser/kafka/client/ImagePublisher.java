package org.denoiser.kafka.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A plain producer for image records (the camera side of a pipeline): zstd, and request and
 * buffer sizes for records up to {@code maxRecordBytes}. Used by the demo, the benchmark and the tests.
 */
public final class ImagePublisher implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;

    public ImagePublisher(String bootstrapServers, int maxRecordBytes) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(maxRecordBytes + (1 << 20)));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(Math.max(64L << 20, 3L * maxRecordBytes)));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    /** Sends one record and returns at once; {@link #flush()} waits for all. */
    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        producer.send(record(topic, key, value, headers));
    }

    /** Sends one record and waits until the broker has it. */
    public void sendNow(String topic, String key, byte[] value, Map<String, String> headers) {
        try {
            producer.send(record(topic, key, value, headers)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value, Map<String, String> headers) {
        RecordHeaders h = new RecordHeaders();
        headers.forEach((name, text) -> h.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, h);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
