package org.denoiser.kafka.worker;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming denoiser: reads images from the input topic, writes each denoised image to the
 * output topic (or, if it cannot be processed, the original to the dead-letter topic) exactly
 * once. Start it with {@link #run()} on a thread of its own; {@link #stop()} from any thread
 * finishes the images in flight, commits them, closes the Kafka clients and the models.
 *
 * <pre>{@code
 * ImageWorker worker = new ImageWorker(WorkerConfig.load(file, System.getenv(), options));
 * Runtime.getRuntime().addShutdownHook(new Thread(worker::stopAndWait));
 * worker.run();
 * }</pre>
 */
public final class ImageWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ImageWorker.class);
    private static final long LIVENESS_MILLIS = 60_000;

    private final WorkerConfig config;
    private final WorkerMetrics metrics;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile ConsumeLoop loop;
    private volatile boolean stopRequested;
    private volatile boolean consuming;
    private volatile int httpPort = -1;

    public ImageWorker(WorkerConfig config) {
        this.config = config;
        this.metrics = new WorkerMetrics(config.metricsIntervalSeconds());
    }

    public WorkerMetrics metrics() {
        return metrics;
    }

    /**
     * Checks the topics, loads the default model, then consumes until {@link #stop()}.
     *
     * @throws IllegalArgumentException for a bad configuration (missing topic, unknown default model)
     * @throws WorkerFailure when Kafka cannot be reached, refuses this worker, or fences this instance,
     *     with a one-line message naming the cause
     */
    public void run() {
        try (HealthServer http = config.httpPort() < 0 ? null : new HealthServer(config.httpPort(), metrics, config.instanceId(),
                        health());
                DenoisePool pool = new DenoisePool(config.threads(), config.tileSize(), config.fluxRestoration())) {
            httpPort = http == null ? -1 : http.port();
            try (Admin admin = Admin.create(ClientSettings.admin(config))) {
                TopicSetup.prepare(admin, config);
            }
            pool.denoiser(config.model()); // loaded now, so a wrong default model fails at start
            metrics.register(config.instanceId());
            try (Membership member = new Membership(new KafkaConsumer<>(ClientSettings.consumer(config)), config.leaveGroupOnShutdown());
                    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.producer(config))) {
                loop = new ConsumeLoop(config, member.consumer(), producer, new ImageProcessor(config, pool), pool, metrics);
                if (stopRequested) {
                    return;
                }
                LOG.info("worker {} reads {} and writes {} (dead letters: {}), model {}, {} threads", config.instanceId(),
                        config.inputTopic(), config.outputTopic(), config.dlqTopic(), config.model(), config.threads());
                consuming = true;
                started.countDown();
                loop.run();
            }
        } catch (KafkaException e) {
            throw KafkaErrors.explain(consuming ? "go on consuming " + config.inputTopic() : "start consuming " + config.inputTopic(),
                    e, config);
        } finally {
            metrics.unregister();
            LOG.info("worker {} stopped: {}", config.instanceId(), metrics.finalSummary());
            started.countDown();
            finished.countDown();
        }
    }

    /**
     * The consumer, closed so that it leaves the group at once (scale-down: the others take its
     * partitions over) or stays a static member until its session times out (a restart gets the
     * same partitions back without a rebalance), as {@code leave.group.on.shutdown} says.
     */
    private record Membership(KafkaConsumer<byte[], byte[]> consumer, boolean leave) implements AutoCloseable {
        @Override
        public void close() {
            consumer.close(CloseOptions.groupMembershipOperation(leave
                    ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
            LOG.info(leave ? "left the consumer group: the other instances take the partitions over"
                    : "stayed in the consumer group (leave.group.on.shutdown=false): a restart within session.timeout.ms"
                    + " gets the same partitions back");
        }
    }

    /** The port of the metrics and health endpoints, once started; -1 when off. */
    public int httpPort() {
        return httpPort;
    }

    /**
     * Alive while the consumer loop turns (it polls every few ms whatever the images cost, so a
     * minute without a poll means it is stuck); ready while it consumes and is not stopping.
     */
    private HealthServer.State health() {
        return new HealthServer.State() {
            @Override
            public String notAlive() {
                long quiet = metrics.millisSinceLastPoll();
                return consuming && quiet > LIVENESS_MILLIS ? "the consumer loop has not turned for " + quiet + " ms" : null;
            }

            @Override
            public String notReady() {
                return stopRequested ? "stopping" : consuming ? null : "starting: checking topics and loading the model";
            }
        };
    }

    /** Waits until the worker consumes; false when it failed to start or the time ran out. */
    public boolean awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return started.await(timeout, unit) && consuming;
    }

    /** Asks the worker to finish its images in flight and stop; returns at once. */
    public void stop() {
        stopRequested = true;
        ConsumeLoop current = loop;
        if (current != null) {
            current.stop();
        }
    }

    /** Stops and waits for the worker to finish (for a shutdown hook: SIGTERM). */
    public void stopAndWait() {
        stop();
        try {
            if (!finished.await(config.shutdownGraceSeconds() + 15L, TimeUnit.SECONDS)) {
                LOG.warn("worker {} did not stop in time", config.instanceId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
