package org.denoiser.kafka.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads committed records from topics (the analysis side of a pipeline): {@code read_committed},
 * from the beginning, with a throwaway group. Used by the demo, the benchmark and the tests.
 */
public final class RecordCollector implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;

    public RecordCollector(String bootstrapServers, Collection<String> topics, int maxRecordBytes) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "collector-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(maxRecordBytes + (1 << 20)));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(Math.max(52_428_800, maxRecordBytes + (1 << 20))));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.copyOf(topics));
    }

    /**
     * Reads until {@code count} records have arrived in total or {@code timeout} has passed, handing
     * each to {@code sink} as it arrives; returns all of them.
     */
    public List<ConsumerRecord<byte[], byte[]>> collect(int count, Duration timeout, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                records.add(record);
                sink.accept(record);
            }
        }
        return records;
    }

    public List<ConsumerRecord<byte[], byte[]>> collect(int count, Duration timeout) {
        return collect(count, timeout, r -> { });
    }

    @Override
    public void close() {
        consumer.close();
    }
}
