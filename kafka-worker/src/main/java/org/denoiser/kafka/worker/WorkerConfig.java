package org.denoiser.kafka.worker;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The worker's settings, validated once at start. They come from (later wins): the defaults, a
 * properties file, environment variables ({@code DENOISER_} + the key in upper case with
 * {@code _} for {@code .}, e.g. {@code DENOISER_INPUT_TOPIC}), and command-line options.
 *
 * <p>Keys starting with {@code kafka.}, {@code consumer.} or {@code producer.} are passed to
 * all Kafka clients, the consumer or the producer, e.g. {@code kafka.security.protocol=SSL} or
 * {@code consumer.session.timeout.ms=10000}.
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
        Map<String, String> clientOverrides) {

    /** The model used when a record names none; change it here when a better general model ships. */
    public static final String DEFAULT_MODEL = "denoise/gaussian-gray";
    /** 32 MiB: the largest image record by default, end to end (topic, producer and consumer). */
    public static final int DEFAULT_MAX_RECORD_BYTES = 32 * 1024 * 1024;
    private static final String ENV_PREFIX = "DENOISER_";

    /** Every key this worker knows, with its default ({@code null}: required or derived). */
    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("bootstrap.servers", null);
        d.put("input.topic", null);
        d.put("output.topic", null);
        d.put("dlq.topic", null); // input.topic + ".dlq"
        d.put("model", DEFAULT_MODEL);
        d.put("group.id", "denoiser-worker");
        d.put("instance.id", null); // the host name: a pod name in a StatefulSet
        d.put("threads", String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())));
        d.put("tile.size", "512");
        d.put("max.pixels", String.valueOf(64L * 1024 * 1024));
        d.put("max.record.bytes", String.valueOf(DEFAULT_MAX_RECORD_BYTES));
        d.put("metrics.interval.s", "30");
        d.put("shutdown.grace.s", "30");
        d.put("commit.interval.ms", "100");
        d.put("create.topics", "true");
        return d;
    }

    public WorkerConfig {
        clientOverrides = Map.copyOf(clientOverrides);
    }

    /** The documented keys, for help texts. */
    public static Set<String> keys() {
        return DEFAULTS.keySet();
    }

    /**
     * Merges the sources and validates the result.
     *
     * @param file a properties file, or {@code null}
     * @param environment usually {@code System.getenv()}
     * @param options command-line values by key; {@code null} values are ignored
     * @throws IllegalArgumentException naming every problem found
     */
    public static WorkerConfig load(Path file, Map<String, String> environment, Map<String, String> options) {
        Map<String, String> merged = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (file != null) {
            readFile(file).forEach((k, v) -> merged.put(k.toString().trim(), v.toString().trim()));
        }
        environment.forEach((name, value) -> {
            String key = name.startsWith(ENV_PREFIX)
                    ? name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.') : "";
            // Other DENOISER_ variables (DENOISER_HOME, DENOISER_JAVA_OPTS) belong to other parts.
            if (DEFAULTS.containsKey(key) || isClientKey(key)) {
                merged.put(key, value.trim());
            }
        });
        options.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return fromMap(merged, problems);
    }

    /** Validates settings given by key (defaults fill the gaps). */
    public static WorkerConfig fromMap(Map<String, String> settings, List<String> problems) {
        Map<String, String> overrides = new TreeMap<>();
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        settings.forEach((key, value) -> {
            if (isClientKey(key)) {
                overrides.put(key, value);
            } else if (DEFAULTS.containsKey(key)) {
                values.put(key, value);
            } else {
                problems.add("unknown setting '" + key + "' (known: " + String.join(", ", DEFAULTS.keySet())
                        + ", and kafka.*, consumer.*, producer.* for the Kafka clients)");
            }
        });
        Settings s = new Settings(values, problems);
        String input = s.required("input.topic", "--in");
        WorkerConfig config = new WorkerConfig(
                s.required("bootstrap.servers", "--bootstrap"),
                input,
                s.required("output.topic", "--out"),
                s.text("dlq.topic", input == null ? null : input + ".dlq"),
                s.required("model", "--model"),
                s.required("group.id", "--group"),
                s.text("instance.id", hostName()),
                s.integer("threads", 1, 256),
                s.integer("tile.size", 16, 1 << 16),
                s.longValue("max.pixels", 1, Integer.MAX_VALUE),
                s.integer("max.record.bytes", 1024, Integer.MAX_VALUE / 4),
                s.integer("metrics.interval.s", 0, 86_400),
                s.integer("shutdown.grace.s", 0, 3600),
                s.integer("commit.interval.ms", 0, 60_000),
                s.bool("create.topics"),
                overrides);
        if (config.inputTopic() != null && (config.inputTopic().equals(config.outputTopic()) || config.inputTopic().equals(config.dlqTopic()))) {
            problems.add("input.topic must differ from output.topic and dlq.topic (all are '" + config.inputTopic() + "')");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid worker configuration:\n  - " + String.join("\n  - ", problems));
        }
        return config;
    }

    private static boolean isClientKey(String key) {
        return key.startsWith("kafka.") || key.startsWith("consumer.") || key.startsWith("producer.");
    }

    /** A copy with another instance id (tests and the demo run several instances in one JVM). */
    public WorkerConfig withInstanceId(String id) {
        return new WorkerConfig(bootstrapServers, inputTopic, outputTopic, dlqTopic, model, groupId, id, threads, tileSize,
                maxPixels, maxRecordBytes, metricsIntervalSeconds, shutdownGraceSeconds, commitIntervalMs, createTopics,
                clientOverrides);
    }

    /** Stable across restarts of this instance, so a restarted worker fences its crashed predecessor. */
    public String transactionalId() {
        return groupId + "-" + instanceId;
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

    /** Typed reads that collect every problem instead of stopping at the first. */
    private record Settings(Map<String, String> values, List<String> problems) {
        String text(String key, String fallback) {
            String v = values.get(key);
            return v == null || v.isBlank() ? fallback : v;
        }

        String required(String key, String option) {
            String v = text(key, null);
            if (v == null) {
                problems.add("missing " + key + " (" + option + ", " + ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_')
                        + ", or " + key + "= in the properties file)");
            }
            return v;
        }

        int integer(String key, int min, int max) {
            return (int) longValue(key, min, max);
        }

        long longValue(String key, long min, long max) {
            String v = text(key, "");
            try {
                long n = Long.parseLong(v);
                if (n < min || n > max) {
                    problems.add(key + " must be between " + min + " and " + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add(key + " must be a whole number, got '" + v + "'");
                return min;
            }
        }

        boolean bool(String key) {
            String v = text(key, "").toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                problems.add(key + " must be true or false, got '" + v + "'");
            }
            return v.equals("true");
        }
    }
}
