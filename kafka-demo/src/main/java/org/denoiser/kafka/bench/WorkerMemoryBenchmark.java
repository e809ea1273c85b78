package org.denoiser.kafka.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.denoiser.io.ImageCodec;
import org.denoiser.kafka.broker.EmbeddedKafka;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.WorkerConfig;

/**
 * Worker memory against its thread count: a worker process with 1 denoise thread and one with
 * {@code threads}, each serving the same 512x512 8-bit images spread over three models, measured
 * by the resident set size (now and peak) of the process once every image is done. The models are
 * shared by the threads, so the ratio should stay near 1 (the target is at most 1.3).
 */
public final class WorkerMemoryBenchmark {
    /** The models every run serves, one image in three each. */
    public static final List<String> MODELS = List.of("denoise/gaussian-gray", "denoise/poisson-gauss", "denoise/gaussian-gray-fast");

    /** Resident memory of one worker process, in MiB, after all images. */
    public record Usage(int threads, double residentMib, double peakMib) {}

    private final int threads;
    private final int images;

    public WorkerMemoryBenchmark(int threads, int images) {
        this.threads = threads;
        this.images = images;
    }

    /** Measures 1 thread, then {@code threads}, on one embedded broker. */
    public List<Usage> run() throws IOException, InterruptedException {
        byte[] png = ImageCodec.defaults().encode(SampleImages.camera(512).noisy());
        Path logs = Files.createTempDirectory("denoiser-bench-memory-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            return List.of(measure(kafka, png, 1, logs), measure(kafka, png, threads, logs));
        }
    }

    private Usage measure(EmbeddedKafka kafka, byte[] png, int workerThreads, Path logs) throws IOException, InterruptedException {
        String in = "memory-in-" + workerThreads;
        String out = "memory-out-" + workerThreads;
        kafka.createTopics(1, in);
        try (ImagePublisher publisher = new ImagePublisher(kafka.bootstrapServers(), WorkerConfig.DEFAULT_MAX_RECORD_BYTES)) {
            for (int i = 0; i < images; i++) {
                publisher.send(in, "img-" + i, png, Map.of(MessageHeaders.MODEL, MODELS.get(i % MODELS.size())));
            }
        }
        Process worker = WorkerProcesses.start(logs.resolve("worker-" + workerThreads + ".log"), Map.of("DENOISER_METRICS_INTERVAL_S", "0"),
                "--bootstrap", kafka.bootstrapServers(), "--in", in, "--out", out, "--threads", String.valueOf(workerThreads),
                "--instance-id", "memory-" + workerThreads, "--group", "memory-" + workerThreads);
        try (RecordCollector collector = new RecordCollector(kafka.bootstrapServers(), List.of(out, in + ".dlq"),
                WorkerConfig.DEFAULT_MAX_RECORD_BYTES)) {
            int done = collector.collect(images, Duration.ofMinutes(10)).size();
            if (done < images) {
                throw new IllegalStateException("the worker with " + workerThreads + " threads finished " + done + " of " + images
                        + " images in 10 min; see " + logs);
            }
            return new Usage(workerThreads, WorkerProcesses.residentMebibytes(worker, "VmRSS"),
                    WorkerProcesses.residentMebibytes(worker, "VmHWM"));
        } finally {
            worker.destroy();
            worker.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
