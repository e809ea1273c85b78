package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.cli.DenoiserCommand;
import org.denoiser.io.ImageCodec;
import org.denoiser.kafka.broker.EmbeddedKafka;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.WorkerConfig;
import org.denoiser.kafka.worker.WorkerFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A broker with a TLS listener (a self-signed certificate made for the test): the worker works
 * over TLS when it trusts the certificate, and when it does not, or speaks TLS to a plaintext
 * listener, it ends within a bounded time with one line that names the cause.
 */
class TlsTest {
    @TempDir
    static Path dir;
    static SelfSignedCertificate certificate;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        certificate = SelfSignedCertificate.create(dir);
        kafka = EmbeddedKafka.start(new EmbeddedKafka.TlsListener(certificate.keyStore(), certificate.password()));
        kafka.createTopics(1, "tls-in", "tls-bad-in");
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void theWorkerDenoisesOverTlsWhenItTrustsTheBroker() throws Exception {
        Map<String, String> tls = new HashMap<>(Map.of("kafka.security.protocol", "SSL", "kafka.ssl.truststore.type", "PEM",
                "kafka.ssl.truststore.certificates", certificate.pem()));
        WorkerConfig config = TestWorkers.config(kafka.tlsBootstrapServers(), "tls-in", "tls-out", tls);
        try (BackgroundWorker worker = new BackgroundWorker(config);
                ImagePublisher publisher = new ImagePublisher(kafka.bootstrapServers(), WorkerConfig.DEFAULT_MAX_RECORD_BYTES);
                RecordCollector collector = new RecordCollector(kafka.bootstrapServers(), List.of("tls-out", "tls-in.dlq"),
                        WorkerConfig.DEFAULT_MAX_RECORD_BYTES)) {
            publisher.sendNow("tls-in", "image", ImageCodec.defaults().encode(SampleImages.camera(64).noisy()), Map.of());
            List<ConsumerRecord<byte[], byte[]>> results = collector.collect(1, Duration.ofSeconds(60));
            assertEquals(1, results.size());
            assertEquals("tls-out", results.get(0).topic());
        }
    }

    @Test
    void anUntrustedCertificateEndsTheWorkerNamingTheTlsHandshake() {
        WorkerConfig config = TestWorkers.config(kafka.tlsBootstrapServers(), "tls-bad-in", "tls-bad-out",
                Map.of("kafka.security.protocol", "SSL"));
        long start = System.nanoTime();
        WorkerFailure failure = assertThrows(WorkerFailure.class, () -> new BackgroundWorker(config).close());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("untrusted certificate: worker ended after %.1f s: %s%n", seconds, failure.getMessage());
        assertTrue(failure.getMessage().contains("TLS handshake"), failure.getMessage());
        assertTrue(failure.getMessage().contains("truststore"), failure.getMessage());
        assertTrue(seconds < 30, "ended after " + seconds + " s");
    }

    @Test
    void tlsToAPlaintextListenerEndsWithinTheStartupTimeoutWithCodeOneAndOneLine() throws Exception {
        Path file = dir.resolve("worker.properties");
        Files.writeString(file, String.join("\n", "bootstrap.servers=" + kafka.bootstrapServers(), "input.topic=tls-bad-in",
                "output.topic=tls-bad-out", "instance.id=plain", "startup.timeout.s=8", "metrics.interval.s=0",
                "kafka.security.protocol=SSL", "kafka.ssl.truststore.type=PEM",
                "kafka.ssl.truststore.location=" + certificate.pemFile()));
        StringWriter err = new StringWriter();
        CommandLine cli = DenoiserCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int exit = cli.execute("worker", "--config", file.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("TLS client on a plaintext listener: exit %d after %.1f s: %s", exit, seconds, err);
        assertEquals(1, exit, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
        assertTrue(err.toString().contains("within 8 s") && err.toString().contains("TLS"), err.toString());
        assertTrue(seconds < 25, "ended after " + seconds + " s");
    }
}
