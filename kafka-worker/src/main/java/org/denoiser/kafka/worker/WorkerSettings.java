package org.denoiser.kafka.worker;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.NO_DEFAULT_VALUE;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The one definition of the worker's own settings: name, type, default, valid range and the
 * documentation that {@code denoiser worker --settings} prints. {@link WorkerConfig} validates
 * against it; the Kafka clients' settings pass through with the prefixes of {@link ClientOverrides}.
 */
final class WorkerSettings {
    static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    static final String INPUT_TOPIC = "input.topic";
    static final String OUTPUT_TOPIC = "output.topic";
    static final String DLQ_TOPIC = "dlq.topic";
    static final String MODEL = "model";
    static final String GROUP_ID = "group.id";
    static final String INSTANCE_ID = "instance.id";
    static final String THREADS = "threads";
    static final String TILE_SIZE = "tile.size";
    static final String MAX_PIXELS = "max.pixels";
    static final String MAX_RECORD_BYTES = "max.record.bytes";
    static final String METRICS_INTERVAL_S = "metrics.interval.s";
    static final String SHUTDOWN_GRACE_S = "shutdown.grace.s";
    static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    static final String CREATE_TOPICS = "create.topics";
    static final String STARTUP_TIMEOUT_S = "startup.timeout.s";
    static final String LEAVE_GROUP_ON_SHUTDOWN = "leave.group.on.shutdown";
    static final String HTTP_PORT = "http.port";
    static final String FLUX_RESTORATION = "flux.restoration";

    /** The command-line option of each setting that has one, for error messages. */
    static final Map<String, String> OPTIONS = Map.of(BOOTSTRAP_SERVERS, "--bootstrap", INPUT_TOPIC, "--in",
            OUTPUT_TOPIC, "--out", DLQ_TOPIC, "--dlq", MODEL, "--model", GROUP_ID, "--group", INSTANCE_ID, "--instance-id",
            THREADS, "--threads");

    static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.STRING, NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), HIGH,
                    "Kafka brokers to start from, host:port[,host:port...].")
            .define(INPUT_TOPIC, Type.STRING, NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), HIGH,
                    "Topic of encoded images to denoise; must exist.")
            .define(OUTPUT_TOPIC, Type.STRING, NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), HIGH,
                    "Topic for the denoised images; created like the input topic if missing (create.topics).")
            .define(DLQ_TOPIC, Type.STRING, null, HIGH,
                    "Dead-letter topic for images that cannot be denoised. Default: the input topic + '.dlq'.")
            .define(MODEL, Type.STRING, WorkerConfig.DEFAULT_MODEL, new ConfigDef.NonEmptyString(), HIGH,
                    "Model for records without a denoise.model header; loaded at start, so a wrong id fails at once.")
            .define(GROUP_ID, Type.STRING, "denoiser-worker", new ConfigDef.NonEmptyString(), HIGH,
                    "Consumer group shared by all instances.")
            .define(INSTANCE_ID, Type.STRING, null, HIGH,
                    "Stable, unique name of this instance (static membership and transactional.id). Default: $HOSTNAME.")
            .define(THREADS, Type.INT, Math.max(1, Runtime.getRuntime().availableProcessors()), Range.between(1, 256), MEDIUM,
                    "Images denoised at once. Default: the number of CPU cores.")
            .define(TILE_SIZE, Type.INT, 512, Range.between(16, 1 << 16), LOW, "Largest tile side in pixels; bounds memory per image.")
            .define(MAX_PIXELS, Type.LONG, 64L * 1024 * 1024, Range.between(1, Integer.MAX_VALUE), MEDIUM,
                    "Width x height x planes; larger images are dead-lettered, checked from the header before decoding.")
            .define(MAX_RECORD_BYTES, Type.INT, WorkerConfig.DEFAULT_MAX_RECORD_BYTES, Range.between(1024, Integer.MAX_VALUE / 4),
                    MEDIUM, "Largest image record in and out; larger input records are dead-lettered without being decoded.")
            .define(METRICS_INTERVAL_S, Type.INT, 30, Range.between(0, 86_400), LOW, "Period of the metrics log line; 0 turns it off.")
            .define(SHUTDOWN_GRACE_S, Type.INT, 30, Range.between(0, 3600), MEDIUM,
                    "Time to finish the images in flight on SIGTERM; unfinished ones are redone after restart.")
            .define(COMMIT_INTERVAL_MS, Type.INT, 100, Range.between(0, 60_000), LOW, "How often a transaction commits.")
            .define(CREATE_TOPICS, Type.BOOLEAN, true, MEDIUM, "Create missing output and dead-letter topics like the input topic.")
            .define(STARTUP_TIMEOUT_S, Type.INT, 60, Range.between(1, 3600), MEDIUM,
                    "How long the worker tries to reach Kafka at start before it gives up with the reason.")
            .define(LEAVE_GROUP_ON_SHUTDOWN, Type.BOOLEAN, true, MEDIUM,
                    "true: on SIGTERM leave the consumer group, so the other instances take the partitions over within"
                    + " seconds (scale-down). false: stay a static member until consumer.session.timeout.ms, so an instance"
                    + " restarted within that time gets its partitions back without a rebalance (rolling restarts).")
            .define(HTTP_PORT, Type.INT, -1, Range.between(-1, 65_535), MEDIUM,
                    "Port of /metrics (Prometheus), /health/live and /health/ready; -1 turns them off, 0 picks a free port.")
            .define(FLUX_RESTORATION, Type.BOOLEAN, true, MEDIUM,
                    "16-bit and float images: put back the flux the network takes from faint sources, as the command line"
                    + " does by default; false gives the network's output as it is (the CLI's --no-flux-restoration).");

    private WorkerSettings() {}

    /** One line per setting: name, default and documentation. */
    static String describe() {
        StringBuilder text = new StringBuilder();
        for (ConfigDef.ConfigKey key : DEFINITION.configKeys().values()) {
            Object value = key.defaultValue;
            String shown = value == NO_DEFAULT_VALUE ? "(required)" : value == null ? "(derived)" : "= " + value;
            text.append(String.format("%-24s %-28s %s%n", key.name, shown, key.documentation));
        }
        text.append(String.format("%-24s %-28s %s%n", "kafka.*", "", "Passed to every Kafka client, e.g. kafka.security.protocol=SSL."));
        text.append(String.format("%-24s %-28s %s%n", "consumer.*, producer.*", "", "Passed to the consumer or the producer only."));
        return text.toString();
    }
}
