package org.denoiser.kafka.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Duration;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.kafka.broker.EmbeddedKafka;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.WorkerConfig;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;

/**
 * Worker overhead in one run: the same 512x512 8-bit images denoised (1) directly by
 * {@code threads} {@link Denoiser}s in parallel, the baseline, and (2) end to end through an
 * embedded broker and a worker with {@code threads} denoise threads (PNG encode, publish,
 * decode, denoise, encode, transactional commit, read_committed consume). A burst measures
 * throughput; a paced run at half the baseline rate measures end-to-end latency.
 */
public final class WorkerBenchmark {
    private static final int DISTINCT_IMAGES = 8;

    /** What was measured; rates in images per second, latencies in milliseconds. */
    public record Result(int threads, int images, double rawBefore, double rawAfter, double withCodecRate, double workerRate, double p50, double p99,
            double workerP50, double workerP99) {
        /** The baseline: the mean of the runs before and after the worker, as other load on the machine drifts. */
        public double rawRate() {
            return (rawBefore + rawAfter) / 2;
        }

        /** Worker throughput lost against the baseline, in percent. */
        public double overheadPercent() {
            return 100 * (1 - workerRate / rawRate());
        }
    }

    private final String model;
    private final int threads;
    private final int images;

    public WorkerBenchmark(String model, int threads, int images) {
        this.model = model;
        this.threads = threads;
        this.images = images;
    }

    public Result run() throws InterruptedException {
        List<ImageData> inputs = noisyCameras();
        double rawBefore = rawRate(inputs, false);
        double withCodec = rawRate(inputs, true);
        Timing burst;
        Timing paced;
        double workerP50;
        double workerP99;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(threads, "bench-in");
            WorkerConfig config = WorkerConfig.fromMap(Map.of("bootstrap.servers", kafka.bootstrapServers(), "input.topic", "bench-in",
                    "output.topic", "bench-out", "model", model, "threads", String.valueOf(threads), "instance.id", "bench",
                    "metrics.interval.s", "0"), new ArrayList<>());
            try (BackgroundWorker worker = new BackgroundWorker(config);
                    ImagePublisher publisher = new ImagePublisher(kafka.bootstrapServers(), WorkerConfig.DEFAULT_MAX_RECORD_BYTES);
                    RecordCollector collector = new RecordCollector(kafka.bootstrapServers(), List.of("bench-out", "bench-in.dlq"),
                            WorkerConfig.DEFAULT_MAX_RECORD_BYTES)) {
                List<byte[]> encoded = inputs.stream().map(ImageCodec.defaults()::encode).toList();
                Timing warmUp = send(publisher, collector, encoded, 2 * threads, 0, "warm");
                burst = send(publisher, collector, encoded, images, 0, "burst");
                paced = send(publisher, collector, encoded, Math.max(20, images / 2), 2 / rawBefore, "paced");
                if (warmUp.received + burst.received + paced.received == 0) {
                    throw new DenoiseException("the worker produced nothing");
                }
                workerP50 = worker.worker().metrics().getLatencyP50Millis();
                workerP99 = worker.worker().metrics().getLatencyP99Millis();
            }
        }
        double rawAfter = rawRate(inputs, false);
        return new Result(threads, images, rawBefore, rawAfter, withCodec, images / burst.seconds, paced.percentile(0.5),
                paced.percentile(0.99), workerP50, workerP99);
    }

    /**
     * The baseline: {@code threads} denoisers side by side on the decoded images, after one
     * warm-up each; with {@code codec}, each image is also decoded from and encoded to PNG, as
     * the worker does, to show how much of the worker's overhead is the image format.
     */
    private double rawRate(List<ImageData> inputs, boolean codec) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Denoiser> denoisers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                denoisers.add(Denoiser.builder().model(model).build());
            }
            runAll(pool, denoisers, inputs, threads, codec); // warm-up
            long start = System.nanoTime();
            runAll(pool, denoisers, inputs, images, codec);
            return images / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
            denoisers.forEach(Denoiser::close);
        }
    }

    private static void runAll(ExecutorService pool, List<Denoiser> denoisers, List<ImageData> inputs, int count,
            boolean codec) throws InterruptedException {
        ImageCodec png = ImageCodec.defaults();
        List<byte[]> encoded = codec ? inputs.stream().map(png::encode).toList() : List.of();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < denoisers.size(); t++) {
            Denoiser denoiser = denoisers.get(t);
            int first = t;
            futures.add(pool.submit(() -> {
                for (int i = first; i < count; i += denoisers.size()) {
                    if (codec) {
                        png.encode(denoiser.denoise(png.decode(encoded.get(i % inputs.size()))));
                    } else {
                        denoiser.denoise(inputs.get(i % inputs.size()));
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new DenoiseException("the baseline run failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private static final class Timing {
        final long[] latenciesNanos;
        int received;
        double seconds;

        Timing(int count) {
            latenciesNanos = new long[count];
        }

        double percentile(double q) {
            long[] sorted = Arrays.copyOf(latenciesNanos, received);
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
        }
    }

    /** Publishes {@code count} images, {@code intervalSeconds} apart (0: all at once), and waits for all results. */
    private static Timing send(ImagePublisher publisher, RecordCollector collector, List<byte[]> encoded, int count,
            double intervalSeconds, String phase) throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Timing timing = new Timing(count);
        long start = System.nanoTime();
        Thread sender = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                long due = start + (long) (i * intervalSeconds * 1e9);
                // Sleep, not spin: a spinning sender would take a core from the worker it measures.
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                String key = phase + "-" + i;
                sentAt.put(key, System.nanoTime());
                publisher.send("bench-in", key, encoded.get(i % encoded.size()), Map.of(MessageHeaders.CORRELATION_ID, key));
            }
            publisher.flush();
        }, "bench-publisher");
        sender.start();
        collector.collect(count, Duration.ofMinutes(10), record -> {
            String key = MessageHeaders.text(record.headers(), MessageHeaders.CORRELATION_ID).orElseThrow();
            timing.latenciesNanos[timing.received++] = System.nanoTime() - sentAt.get(key);
        });
        timing.seconds = (System.nanoTime() - start) / 1e9;
        sender.join();
        return timing;
    }

    /** The 512x512 camera image with Gaussian noise of sigma 25, differently seeded copies. */
    private static List<ImageData> noisyCameras() {
        Img<UnsignedByteType> camera = TestImages.camera();
        List<ImageData> list = new ArrayList<>();
        for (int seed = 0; seed < DISTINCT_IMAGES; seed++) {
            var pair = SyntheticImages.gaussianNoisy8bit(camera, SampleImages.SIGMA_8BIT, seed);
            list.add(SampleImages.toImageData(pair.noisy(), ImageFormat.PNG, false));
        }
        return list;
    }
}
