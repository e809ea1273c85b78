package org.denoiser.kafka.worker;

import static org.denoiser.kafka.worker.WorkerSettings.*;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigValue;
import org.denoiser.api.AutoModel;

/**
 * The worker's settings, validated once at start against {@link WorkerSettings#DEFINITION}. They
 * come from (later wins): the defaults, a properties file, environment variables
 * ({@code DENOISER_} + the key in upper case with {@code _} for {@code .}, e.g.
 * {@code DENOISER_INPUT_TOPIC}), and command-line options.
 *
 * <p>Keys starting with {@code kafka.}, {@code consumer.} or {@code producer.} are passed to
 * all Kafka clients, the consumer or the producer, e.g. {@code kafka.security.protocol=SSL} or
 * {@code consumer.session.timeout.ms=10000}; they are checked against the clients' own
 * definitions. Any other key is an error, with the closest known key as a hint.
 */
public record WorkerConfig(
        String bootstrapServers,
        String inputTopic,
        String outputTopic,
        String dlqTopic,
        String model,
        String groupId,
        String instanceId,
        int threads,
        int tileSize,
        long maxPixels,
        int maxRecordBytes,
        int metricsIntervalSeconds,
        int shutdownGraceSeconds,
        int commitIntervalMs,
        boolean createTopics,
        int startupTimeoutSeconds,
        boolean leaveGroupOnShutdown,
        int httpPort,
        boolean fluxRestoration,
        Map<String, String> clientOverrides) {

    /**
     * The model used when a record names none: {@code denoise/auto}, which picks per image as the
     * command line and the plugin do (8-bit photos, RGB, microscopy, 16/32-bit and FITS), so a
     * camera topic of 16-bit frames gets the camera model without any setting.
     */
    public static final String DEFAULT_MODEL = AutoModel.ID;
    /** 32 MiB: the largest image record by default, end to end (topic, producer and consumer). */
    public static final int DEFAULT_MAX_RECORD_BYTES = 32 * 1024 * 1024;
    private static final String ENV_PREFIX = "DENOISER_";

    public WorkerConfig {
        clientOverrides = Map.copyOf(clientOverrides);
    }

    /** The worker's own keys, for help texts. */
    public static Set<String> keys() {
        return DEFINITION.names();
    }

    /** Every setting with its default and documentation, one per line ({@code denoiser worker --settings}). */
    public static String describeSettings() {
        return WorkerSettings.describe();
    }

    /**
     * Merges the sources and validates the result.
     *
     * @param file a properties file, or {@code null}
     * @param environment usually {@code System.getenv()}; {@code DENOISER_} variables that name
     *     no worker or client setting (DENOISER_HOME, DENOISER_JAVA_OPTS) belong to other parts
     * @param options command-line values by key; {@code null} values are ignored
     * @throws IllegalArgumentException naming every problem found
     */
    public static WorkerConfig load(Path file, Map<String, String> environment, Map<String, String> options) {
        Map<String, String> merged = new TreeMap<>();
        if (file != null) {
            readFile(file).forEach((k, v) -> merged.put(k.toString().trim(), v.toString().trim()));
        }
        environment.forEach((name, value) -> {
            String key = name.startsWith(ENV_PREFIX)
                    ? name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.') : "";
            if (keys().contains(key) || ClientOverrides.isClientKey(key)) {
                merged.put(key, value.trim());
            }
        });
        options.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return fromMap(merged, new ArrayList<>());
    }

    /**
     * Validates settings given by key (defaults fill the gaps).
     *
     * @param problems collects every problem; they are also thrown together
     * @throws IllegalArgumentException naming every problem found
     */
    public static WorkerConfig fromMap(Map<String, String> settings, List<String> problems) {
        Map<String, String> own = new TreeMap<>();
        Map<String, String> overrides = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (ClientOverrides.isClientKey(key)) {
                overrides.put(key, value);
            } else if (keys().contains(key)) {
                own.put(key, value);
            } else {
                problems.add("unknown setting '" + key + "'" + hint(key));
            }
        });
        for (ConfigValue value : DEFINITION.validate(own)) {
            if (!value.errorMessages().isEmpty()) {
                problems.add(own.containsKey(value.name()) ? value.errorMessages().get(0) : missing(value.name()));
            }
        }
        ClientOverrides.check(overrides, problems, WorkerConfig::hint);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        Map<String, Object> v = DEFINITION.parse(own);
        String input = (String) v.get(INPUT_TOPIC);
        String dlq = v.get(DLQ_TOPIC) != null ? (String) v.get(DLQ_TOPIC) : input + ".dlq";
        if (input.equals(v.get(OUTPUT_TOPIC)) || input.equals(dlq)) {
            problems.add("input.topic must differ from output.topic and dlq.topic (all are '" + input + "')");
            throw invalid(problems);
        }
        return new WorkerConfig((String) v.get(BOOTSTRAP_SERVERS), input, (String) v.get(OUTPUT_TOPIC), dlq,
                (String) v.get(MODEL), (String) v.get(GROUP_ID),
                v.get(INSTANCE_ID) != null ? (String) v.get(INSTANCE_ID) : hostName(),
                (Integer) v.get(THREADS), (Integer) v.get(TILE_SIZE), (Long) v.get(MAX_PIXELS), (Integer) v.get(MAX_RECORD_BYTES),
                (Integer) v.get(METRICS_INTERVAL_S), (Integer) v.get(SHUTDOWN_GRACE_S), (Integer) v.get(COMMIT_INTERVAL_MS),
                (Boolean) v.get(CREATE_TOPICS), (Integer) v.get(STARTUP_TIMEOUT_S), (Boolean) v.get(LEAVE_GROUP_ON_SHUTDOWN),
                (Integer) v.get(HTTP_PORT), (Boolean) v.get(FLUX_RESTORATION), overrides);
    }

    private static IllegalArgumentException invalid(List<String> problems) {
        return new IllegalArgumentException("invalid worker configuration:\n  - " + String.join("\n  - ", problems));
    }

    private static String missing(String key) {
        String option = OPTIONS.containsKey(key) ? OPTIONS.get(key) + ", " : "";
        return "missing " + key + " (" + option + ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_')
                + ", or " + key + "= in the properties file)";
    }

    /** ": did you mean 'x'?" for a likely typo, or a pointer to the list of settings. */
    private static String hint(String key) {
        Set<String> candidates = new TreeSet<>(keys());
        candidates.addAll(ClientOverrides.knownKeys());
        return Spelling.closest(key, candidates).map(k -> "; did you mean '" + k + "'?")
                .orElse("; see 'denoiser worker --settings' (and kafka.*, consumer.*, producer.* for the Kafka clients)");
    }

    /** A copy with another instance id (tests and the demo run several instances in one JVM). */
    public WorkerConfig withInstanceId(String id) {
        return new WorkerConfig(bootstrapServers, inputTopic, outputTopic, dlqTopic, model, groupId, id, threads, tileSize,
                maxPixels, maxRecordBytes, metricsIntervalSeconds, shutdownGraceSeconds, commitIntervalMs, createTopics,
                startupTimeoutSeconds, leaveGroupOnShutdown, httpPort, fluxRestoration, clientOverrides);
    }

    /** Stable across restarts of this instance, so a restarted worker fences its crashed predecessor. */
    public String transactionalId() {
        return groupId + "-" + instanceId;
    }

    /** The security protocol the clients use ({@code kafka.security.protocol}), for error messages. */
    public String securityProtocol() {
        return clientOverrides.getOrDefault(ClientOverrides.ALL + "security.protocol", "PLAINTEXT");
    }

    private static Properties readFile(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("configuration file not found: " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        return p;
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker-1";
        }
    }
}
