package org.denoiser.kafka.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.denoiser.api.Denoiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool of denoise threads and their models. A {@link Denoiser} serves one caller at
 * a time, so each thread borrows a model set, uses the model the record asks for (loaded on first
 * use), and gives the set back; there are as many sets as threads, so borrowing never waits.
 * {@link #close()} stops the threads before it closes the models they use.
 */
final class DenoisePool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DenoisePool.class);

    private final ExecutorService threads;
    private final BlockingQueue<ModelSet> sets;
    private final List<ModelSet> all = new ArrayList<>();

    DenoisePool(int threads, int tileSize) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "denoise-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        sets = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            ModelSet set = new ModelSet(tileSize);
            all.add(set);
            sets.add(set);
        }
    }

    /** Queues work for the denoise threads. */
    <R> Future<R> submit(Callable<R> work) {
        return threads.submit(work);
    }

    /** Runs {@code work} with a model set that no other thread uses meanwhile. */
    <R> R withModels(ModelWork<R> work) throws InterruptedException {
        ModelSet set = sets.take();
        try {
            return work.run(set);
        } finally {
            sets.add(set);
        }
    }

    /** Loads a model into one set now, so that a wrong default model fails at start, not on the first record. */
    void preload(String modelId) throws InterruptedException {
        withModels(set -> set.denoiser(modelId));
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            // A running TensorFlow call cannot be interrupted; its model must stay open until it returns.
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("a denoise thread is still busy after 60 s; its model stays open");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        all.forEach(ModelSet::close);
    }

    interface ModelWork<R> {
        R run(ModelSet models);
    }

    /** The models one thread has loaded, by id. */
    static final class ModelSet implements AutoCloseable {
        private final int tileSize;
        private final Map<String, Denoiser> byId = new HashMap<>();

        private ModelSet(int tileSize) {
            this.tileSize = tileSize;
        }

        /** The denoiser for {@code modelId}; throws {@code UnknownModelException} for an id no repository has. */
        Denoiser denoiser(String modelId) {
            Denoiser denoiser = byId.get(modelId);
            if (denoiser == null) {
                denoiser = Denoiser.builder().model(modelId).tileSize(tileSize).build();
                byId.put(modelId, denoiser);
            }
            return denoiser;
        }

        @Override
        public synchronized void close() {
            byId.values().forEach(Denoiser::close);
            byId.clear();
        }
    }
}
