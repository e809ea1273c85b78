package org.denoiser.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.denoiser.kafka.worker.ImageWorker;
import org.denoiser.kafka.worker.WorkerConfig;

/** A worker on a thread of its own in the test JVM; closing it stops it and rethrows its failure. */
final class RunningWorker implements AutoCloseable {
    private final ImageWorker worker;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    RunningWorker(WorkerConfig config) throws InterruptedException {
        worker = new ImageWorker(config);
        thread = new Thread(() -> {
            try {
                worker.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "worker-" + config.instanceId());
        thread.start();
        if (!worker.awaitStarted(60, TimeUnit.SECONDS)) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            throw new IllegalStateException("worker did not start", failure.get());
        }
    }

    /** A worker with test defaults (2 threads, quick commits) plus {@code settings}. */
    static WorkerConfig config(String bootstrap, String in, String out, Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "bootstrap.servers", bootstrap, "input.topic", in, "output.topic", out, "threads", "2",
                "instance.id", "test-" + in, "group.id", "group-" + in, "metrics.interval.s", "0"));
        all.putAll(settings);
        return WorkerConfig.fromMap(all, new java.util.ArrayList<>());
    }

    ImageWorker worker() {
        return worker;
    }

    @Override
    public void close() throws InterruptedException {
        worker.stopAndWait();
        thread.join(TimeUnit.SECONDS.toMillis(90));
        if (failure.get() != null) {
            throw new AssertionError("the worker failed", failure.get());
        }
    }
}
