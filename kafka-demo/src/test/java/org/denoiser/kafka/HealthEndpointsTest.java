package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.denoiser.io.ImageCodec;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint and the health checks, scraped while the worker runs. */
class HealthEndpointsTest extends BrokerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsAndHealthAreServedDuringARun() throws Exception {
        kafka.createTopics(1, "hp-in");
        byte[] png = ImageCodec.defaults().encode(SampleImages.camera(64).noisy());
        try (BackgroundWorker worker = new BackgroundWorker(TestWorkers.config(kafka.bootstrapServers(), "hp-in", "hp-out",
                        Map.of("http.port", "0")));
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("hp-out", "hp-in")) {
            String base = "http://127.0.0.1:" + worker.worker().httpPort();
            assertEquals("200 ready", get(base + "/health/ready"));
            assertEquals("200 alive", get(base + "/health/live"));
            publisher.send("hp-in", "a", png, Map.of());
            publisher.send("hp-in", "b", new byte[] {1, 2, 3}, Map.of());
            publisher.send("hp-in", "c", png, Map.of());
            publisher.flush();
            assertEquals(3, collector.collect(3, Duration.ofSeconds(120)).size());
            String metrics = get(base + "/metrics");
            System.out.println(metrics);
            assertTrue(metrics.startsWith("200 "), metrics);
            assertEquals(3, value(metrics, "denoiser_images_total"), metrics);
            assertEquals(1, value(metrics, "denoiser_dead_lettered_total"), metrics);
            assertEquals(0, value(metrics, "denoiser_skipped_total"), metrics);
            assertTrue(metrics.contains("# TYPE denoiser_latency_seconds summary"), metrics);
            assertTrue(value(metrics, "denoiser_latency_seconds", "quantile=\"0.99\"") > 0, metrics);
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body().strip();
    }

    private static double value(String metrics, String name) {
        return value(metrics, name, "");
    }

    private static double value(String metrics, String name, String extraLabel) {
        String labels = "\\{instance_id=\"test-hp-in\"" + (extraLabel.isEmpty() ? "" : "," + Pattern.quote(extraLabel)) + "\\}";
        Matcher m = Pattern.compile("(?m)^" + name + labels + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), name + " " + extraLabel + " in\n" + metrics);
        return Double.parseDouble(m.group(1));
    }
}
