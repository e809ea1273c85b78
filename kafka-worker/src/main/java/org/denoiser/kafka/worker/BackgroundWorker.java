package org.denoiser.kafka.worker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A worker on a thread of its own, for the demo, the benchmark and tests that run the worker
 * beside other work in one JVM. The constructor returns once it consumes; {@link #close()} stops
 * it, waits, and rethrows what made it fail.
 */
public final class BackgroundWorker implements AutoCloseable {
    private final ImageWorker worker;
    private final Thread thread;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public BackgroundWorker(WorkerConfig config) throws InterruptedException {
        worker = new ImageWorker(config);
        thread = new Thread(() -> {
            try {
                worker.run();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "worker-" + config.instanceId());
        thread.start();
        if (!worker.awaitStarted(120, TimeUnit.SECONDS)) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            RuntimeException cause = failure.get();
            throw cause != null ? cause : new IllegalStateException("the worker did not start within 120 s");
        }
    }

    public ImageWorker worker() {
        return worker;
    }

    /** False once the worker has stopped, for example after a fatal error. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        worker.stopAndWait();
        thread.join(TimeUnit.SECONDS.toMillis(90));
        if (failure.get() != null) {
            throw new IllegalStateException("the worker failed: " + failure.get().getMessage(), failure.get());
        }
    }
}
