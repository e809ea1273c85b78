package org.denoiser.kafka.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The worker's HTTP endpoints for an orchestrator and a Prometheus scraper, on the JDK's own
 * small HTTP server (no extra dependency): {@code /metrics} in the Prometheus text format,
 * {@code /health/live} (the consumer loop is turning) and {@code /health/ready} (the worker
 * consumes). Health answers 200 or 503 with one line saying why.
 */
final class HealthServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "health-http");
        t.setDaemon(true);
        return t;
    });

    /** What the health endpoints report. */
    interface State {
        /** Null when alive, else why not. */
        String notAlive();

        /** Null when ready, else why not. */
        String notReady();
    }

    /**
     * @param port the TCP port; 0 picks a free one
     */
    HealthServer(int port, WorkerMetrics metrics, String instanceId, State state) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new WorkerFailure("cannot serve metrics and health on port " + port + " (http.port): " + e.getMessage(), e);
        }
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> reply(exchange, 200, "text/plain; version=0.0.4",
                prometheus(metrics, instanceId)));
        server.createContext("/health/live", exchange -> health(exchange, state::notAlive, "alive"));
        server.createContext("/health/ready", exchange -> health(exchange, state::notReady, "ready"));
        server.start();
    }

    /** The port it listens on (the one picked when 0 was asked for). */
    int port() {
        return server.getAddress().getPort();
    }

    private static void health(HttpExchange exchange, Supplier<String> problem, String ok) throws IOException {
        String why = problem.get();
        reply(exchange, why == null ? 200 : 503, "text/plain", (why == null ? ok : why) + "\n");
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The figures of {@link WorkerMetrics} as Prometheus metrics, labelled with the instance id. */
    static String prometheus(WorkerMetrics m, String instanceId) {
        String label = "{instance_id=\"" + instanceId.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        StringBuilder text = new StringBuilder();
        metric(text, "denoiser_images_total", "counter", "Input records committed (outputs and dead letters).", label,
                m.getImagesProcessed());
        metric(text, "denoiser_dead_lettered_total", "counter", "Inputs written to the dead-letter topic.", label, m.getDeadLettered());
        metric(text, "denoiser_skipped_total", "counter", "Inputs Kafka refused even as dead letters: logged and skipped.", label,
                m.getSkipped());
        metric(text, "denoiser_assignments_total", "counter", "Partition assignments; growing fast means rebalancing.", label,
                m.getAssignments());
        metric(text, "denoiser_images_per_second", "gauge", "Rate over the last metrics interval.", label, m.getImagesPerSecond());
        metric(text, "denoiser_lag_records", "gauge", "Input records not committed yet, in flight included.", label, m.getLag());
        metric(text, "denoiser_in_flight_records", "gauge", "Records polled and not yet committed.", label, m.getInFlight());
        text.append("# HELP denoiser_latency_seconds Poll to committed output, over the last 4096 images.\n");
        text.append("# TYPE denoiser_latency_seconds summary\n");
        String labels = label.substring(0, label.length() - 1);
        text.append(String.format(Locale.ROOT, "denoiser_latency_seconds%s,quantile=\"0.5\"} %s%n", labels,
                number(m.getLatencyP50Millis() / 1000)));
        text.append(String.format(Locale.ROOT, "denoiser_latency_seconds%s,quantile=\"0.99\"} %s%n", labels,
                number(m.getLatencyP99Millis() / 1000)));
        return text.toString();
    }

    private static void metric(StringBuilder text, String name, String type, String help, String label, double value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        text.append(name).append(label).append(' ').append(number(value)).append('\n');
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
