package org.denoiser.kafka.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.denoiser.kafka.worker.TopicSetup;
import org.denoiser.kafka.worker.WorkerConfig;

/**
 * A real single-node Kafka (KRaft: broker and controller in one process) on free 127.0.0.1 ports,
 * with its data in a temporary directory that {@link #close()} deletes. It serves
 * {@code denoiser demo}, {@code denoiser bench-worker} and the tests, so they need nothing
 * installed.
 *
 * <p>Every replication factor and in-sync minimum is 1 (one node), and the largest message is
 * {@link #MAX_MESSAGE_BYTES}, so 32 MiB images pass with room for headers.
 */
public final class EmbeddedKafka implements AutoCloseable {
    /**
     * Largest record batch the broker accepts: 64 MiB of image plus 1 MiB for headers and framing,
     * twice the worker's default {@code max.record.bytes}, so tests can send records the worker
     * must refuse. Topics are made with their own, smaller {@code max.message.bytes}.
     */
    public static final int MAX_MESSAGE_BYTES = 65 * 1024 * 1024;
    private static final int START_ATTEMPTS = 5;

    private final Path dataDir;
    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(Path dataDir, KafkaRaftServer server, String bootstrapServers) {
        this.dataDir = dataDir;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats storage in a new temporary directory and starts the broker. Ports are picked free
     * just before start; when another process takes one in between, it retries on new ports.
     */
    public static EmbeddedKafka start() {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            Path dir = createTempDir();
            try {
                return startIn(dir);
            } catch (RuntimeException e) {
                deleteQuietly(dir);
                if (!causedByBind(e)) {
                    throw new IllegalStateException("cannot start the embedded Kafka broker: " + e.getMessage(), e);
                }
                failure = new IllegalStateException("cannot bind the embedded Kafka broker to a free port", e);
            }
        }
        throw failure;
    }

    /**
     * Keeps the broker's own log lines (controller activation, shutdown chatter) off the terminal
     * of a command that runs it: only errors from Kafka's classes show. Call it before anything
     * touches Kafka; it affects this JVM only.
     */
    public static void quietKafkaLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.setProperty("org.slf4j.simpleLogger.log.kafka", "error");
    }

    /** Creates topics (if missing) that take records of up to 32 MiB, as the worker's own. */
    public void createTopics(int partitions, String... topics) {
        createTopics(partitions, WorkerConfig.DEFAULT_MAX_RECORD_BYTES, topics);
    }

    /** Creates topics (if missing) that take records of up to {@code maxRecordBytes}. */
    public void createTopics(int partitions, int maxRecordBytes, String... topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            TopicSetup.create(admin, List.of(topics), partitions, maxRecordBytes);
        }
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static EmbeddedKafka startIn(Path dir) {
        int brokerPort = freePort();
        int controllerPort = freePort();
        Properties props = serverProperties(dir.resolve("logs"), brokerPort, controllerPort);
        Path propertiesFile = dir.resolve("server.properties");
        try (var out = Files.newOutputStream(propertiesFile)) {
            props.store(out, "embedded single-node KRaft broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        format(propertiesFile);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        return new EmbeddedKafka(dir, server, "127.0.0.1:" + brokerPort);
    }

    private static Properties serverProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One node: every replication factor and in-sync minimum must be 1.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        p.put("socket.request.max.bytes", String.valueOf(4 * MAX_MESSAGE_BYTES));
        p.put("num.partitions", "1");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private static void format(Path propertiesFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", propertiesFile.toString(), "--ignore-formatted"}, print);
        }
        if (status != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("denoiser-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for Kafka", e);
        }
    }

    /** Deletes the broker's data directory; a file that cannot go is left for the OS's temp cleaner. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the embedded broker's data in " + dir, e);
        }
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        deleteQuietly(dataDir);
    }
}
