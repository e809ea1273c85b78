package org.denoiser.kafka.worker;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throughput, latency, errors and lag of one worker: readable over JMX and logged every
 * {@code metrics.interval.s} seconds. Latency is measured from poll() to the commit of the
 * transaction that holds the output, so it includes queueing behind other images. Kafka's own
 * client metrics (for example records-lag-max) are in JMX beside these.
 */
public final class WorkerMetrics implements WorkerMetricsMBean {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerMetrics.class);
    private static final int WINDOW = 4096;

    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final long[] latencies = new long[WINDOW];
    private long latencyCount;
    private volatile long lag = -1;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger assignments = new AtomicInteger();
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long intervalStart = startNanos;
    private long processedAtIntervalStart;
    private volatile double imagesPerSecond;
    private volatile long lastPollNanos = System.nanoTime();
    private ObjectName registeredAs;

    WorkerMetrics(int intervalSeconds) {
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
    }

    /** Registers the JMX bean; a second worker in one JVM with the same id keeps only the first bean. */
    void register(String instanceId) {
        try {
            ObjectName name = new ObjectName("org.denoiser:type=KafkaWorker,instance=" + ObjectName.quote(instanceId));
            if (!ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
                ManagementFactory.getPlatformMBeanServer().registerMBean(this, name);
                registeredAs = name;
            }
        } catch (JMException e) {
            LOG.warn("worker metrics are not available over JMX: {}", e.getMessage());
        }
    }

    void unregister() {
        if (registeredAs != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
            } catch (JMException e) {
                LOG.warn("cannot unregister {}: {}", registeredAs, e.getMessage());
            }
        }
    }

    /** One committed record, output or dead letter. */
    synchronized void committed(ProcessedRecord record, long committedNanos) {
        processed.incrementAndGet();
        if (record.skipped()) {
            skipped.incrementAndGet();
        } else if (record.failed()) {
            deadLettered.incrementAndGet();
        }
        latencies[(int) (latencyCount++ % WINDOW)] = committedNanos - record.receivedNanos();
    }

    /** The consumer loop turned once (for the liveness check). */
    void polled() {
        lastPollNanos = System.nanoTime();
    }

    /** Milliseconds since the consumer loop last turned. */
    long millisSinceLastPoll() {
        return (System.nanoTime() - lastPollNanos) / 1_000_000;
    }

    void assigned() {
        assignments.incrementAndGet();
    }

    void lag(long value) {
        lag = value;
    }

    void inFlight(int value) {
        inFlight.set(value);
    }

    /** Logs the figures when an interval has passed since the last line. */
    void maybeLog() {
        long now = System.nanoTime();
        if (intervalNanos <= 0 || now - intervalStart < intervalNanos) {
            return;
        }
        long count = processed.get();
        imagesPerSecond = (count - processedAtIntervalStart) / ((now - intervalStart) / 1e9);
        intervalStart = now;
        processedAtIntervalStart = count;
        LOG.info(summary());
    }

    /** One line: rate over the last interval, latency, totals, lag. */
    public String summary() {
        return summary(imagesPerSecond);
    }

    /** As {@link #summary()}, with the rate since start (for the last line at shutdown). */
    public String finalSummary() {
        return summary(processed.get() / ((System.nanoTime() - startNanos) / 1e9));
    }

    private String summary(double rate) {
        return String.format(Locale.ROOT, "%.1f images/s, latency p50 %.0f ms p99 %.0f ms, %d images, %d dead-lettered,"
                + " %d skipped, %d in flight, lag %d", rate, getLatencyP50Millis(), getLatencyP99Millis(), processed.get(),
                deadLettered.get(), skipped.get(), inFlight.get(), lag);
    }

    @Override
    public long getImagesProcessed() {
        return processed.get();
    }

    @Override
    public long getDeadLettered() {
        return deadLettered.get();
    }

    @Override
    public long getSkipped() {
        return skipped.get();
    }

    @Override
    public double getImagesPerSecond() {
        return imagesPerSecond;
    }

    @Override
    public double getLatencyP50Millis() {
        return percentile(0.50);
    }

    @Override
    public double getLatencyP99Millis() {
        return percentile(0.99);
    }

    @Override
    public long getLag() {
        return lag;
    }

    @Override
    public int getInFlight() {
        return inFlight.get();
    }

    @Override
    public int getAssignments() {
        return assignments.get();
    }

    private synchronized double percentile(double q) {
        int n = (int) Math.min(latencyCount, WINDOW);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(n - 1, Math.ceil(q * n) - 1)] / 1e6;
    }
}
