package org.denoiser.kafka.worker;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka client settings exactly-once image processing needs, in one place. Records of up to
 * {@code max.record.bytes} pass: the producer's request size and buffer, and the consumer's fetch
 * sizes are raised together (a single one left at its default silently caps the others).
 */
public final class ClientSettings {
    /** Room for headers and batch framing on top of the image bytes. */
    static final int FRAMING_BYTES = 1024 * 1024;

    private ClientSettings() {}

    public static Properties consumer(WorkerConfig config) {
        Properties p = common(config);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        // Static membership: a restarted instance gets its partitions back without a rebalance.
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.instanceId());
        // A member that leaves (scale-down) is noticed at the others' next heartbeat; with the
        // cooperative assignor only its partitions move, the others keep working meanwhile.
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxInFlight(config)));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(config.maxRecordBytes() + FRAMING_BYTES));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(Math.max(52_428_800, config.maxRecordBytes() + FRAMING_BYTES)));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.putAll(prefixed(config.clientOverrides(), "consumer."));
        return p;
    }

    public static Properties producer(WorkerConfig config) {
        Properties p = common(config);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(config.maxRecordBytes() + FRAMING_BYTES));
        // At least two of the largest records, so one large image never waits for buffer space forever.
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(Math.max(64L << 20, 3L * (config.maxRecordBytes() + FRAMING_BYTES))));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putAll(prefixed(config.clientOverrides(), "producer."));
        return p;
    }

    /** The admin client of the start-up checks: it gives up after {@code startup.timeout.s}, with the reason. */
    public static Properties admin(WorkerConfig config) {
        Properties p = new Properties();
        long timeoutMs = config.startupTimeoutSeconds() * 1000L;
        p.put("default.api.timeout.ms", String.valueOf(timeoutMs));
        p.put("request.timeout.ms", String.valueOf(Math.min(30_000, timeoutMs)));
        p.putAll(common(config));
        return p;
    }

    /** Records polled but not yet committed, at most: enough to keep every denoise thread busy. */
    static int maxInFlight(WorkerConfig config) {
        return 2 * config.threads();
    }

    private static Properties common(WorkerConfig config) {
        Properties p = new Properties();
        p.put("bootstrap.servers", config.bootstrapServers());
        p.put("client.id", "denoiser-" + config.instanceId());
        p.putAll(prefixed(config.clientOverrides(), "kafka."));
        return p;
    }

    private static Properties prefixed(Map<String, String> overrides, String prefix) {
        Properties p = new Properties();
        overrides.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                p.put(key.substring(prefix.length()), value);
            }
        });
        return p;
    }
}
