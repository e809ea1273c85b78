package org.denoiser.kafka.worker;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.denoiser.api.Denoiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool of denoise threads and the models they share: one {@link Denoiser} per model
 * id for the whole process (loaded on first use, with as many predictors as there are threads),
 * so memory grows with the models served, not with threads x models. {@link #close()} stops the
 * threads, then closes the models; a model's close waits for the calls still running on it.
 */
final class DenoisePool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DenoisePool.class);

    private final ExecutorService threads;
    private final int threadCount;
    private final int tileSize;
    private final boolean restoreFlux;
    private final Map<String, Denoiser> byId = new ConcurrentHashMap<>();

    /** @param restoreFlux passed to every model's {@link Denoiser.Builder#restoreFlux}, as the CLI does */
    DenoisePool(int threads, int tileSize, boolean restoreFlux) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "denoise-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.threadCount = threads;
        this.tileSize = tileSize;
        this.restoreFlux = restoreFlux;
    }

    /** Queues work for the denoise threads. */
    <R> Future<R> submit(Callable<R> work) {
        return threads.submit(work);
    }

    /**
     * The shared denoiser for {@code modelId}, loaded on first use; throws
     * {@code UnknownModelException} for an id no repository has (and keeps nothing for it).
     */
    Denoiser denoiser(String modelId) {
        return byId.computeIfAbsent(modelId, id -> Denoiser.builder().model(id).tileSize(tileSize).threads(threadCount)
                .restoreFlux(restoreFlux).build());
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("a denoise thread is still busy after 60 s; closing its model waits for it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byId.values().forEach(Denoiser::close);
        byId.clear();
    }
}
