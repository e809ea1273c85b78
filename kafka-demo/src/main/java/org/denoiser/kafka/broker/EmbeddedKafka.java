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
    private final String tlsBootstrapServers;

    /**
     * A TLS listener's key: a PKCS12 key store holding the broker's key and certificate.
     *
     * @param keyStore the PKCS12 file
     * @param password the password of the store and of the key in it
     */
    public record TlsListener(Path keyStore, String password) {}

    private EmbeddedKafka(Path dataDir, KafkaRaftServer server, String bootstrapServers, String tlsBootstrapServers) {
        this.dataDir = dataDir;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.tlsBootstrapServers = tlsBootstrapServers;
    }

    /**
     * Formats storage in a new temporary directory and starts the broker. Ports are picked free
     * just before start; when another process takes one in between, it retries on new ports.
     */
    public static EmbeddedKafka start() {
        return start(null);
    }

    /**
     * As {@link #start()}, with a second, TLS listener at {@link #tlsBootstrapServers()} when
     * {@code tls} is given (the plaintext one stays, for the broker's own traffic and for tests).
     */
    public static EmbeddedKafka start(TlsListener tls) {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            Path dir = createTempDir();
            try {
                return startIn(dir, tls);
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

    /** {@code host:port} of the TLS listener, for clients with {@code security.protocol=SSL}; null without one. */
    public String tlsBootstrapServers() {
        return tlsBootstrapServers;
    }

    private static EmbeddedKafka startIn(Path dir, TlsListener tls) {
        int brokerPort = freePort();
        int controllerPort = freePort();
        int tlsPort = tls == null ? -1 : freePort();
        Properties props = serverProperties(dir.resolve("logs"), brokerPort, controllerPort);
        if (tls != null) {
            addTlsListener(props, tls, tlsPort);
        }
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
        return new EmbeddedKafka(dir, server, "127.0.0.1:" + brokerPort, tls == null ? null : "127.0.0.1:" + tlsPort);
    }

    private static void addTlsListener(Properties p, TlsListener tls, int port) {
        p.put("listeners", p.getProperty("listeners") + ",SSL://127.0.0.1:" + port);
        p.put("advertised.listeners", p.getProperty("advertised.listeners") + ",SSL://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", p.getProperty("listener.security.protocol.map") + ",SSL:SSL");
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", tls.keyStore().toString());
        p.put("ssl.keystore.password", tls.password());
        p.put("ssl.key.password", tls.password());
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
