package org.denoiser.kafka.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.denoiser.kafka.bench.WorkerBenchmark;
import org.denoiser.kafka.bench.WorkerMemoryBenchmark;
import org.denoiser.kafka.worker.WorkerConfig;
import org.denoiser.kafka.broker.EmbeddedKafka;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code denoiser bench-worker}: end-to-end images/s and latency against raw Denoiser throughput. */
@Command(name = "bench-worker", mixinStandardHelpOptions = true,
        description = "Measure the worker end to end on an embedded broker (512x512 8-bit PNG images) against the raw"
                + " Denoiser on the same images in the same run.")
final class BenchWorkerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "ID", description = "Default: ${DEFAULT-VALUE}.")
    String model = WorkerConfig.DEFAULT_MODEL;

    @Option(names = "--threads", paramLabel = "N", description = "Denoise threads, for both runs. Default: ${DEFAULT-VALUE}.")
    int threads = 2;

    @Option(names = "--images", paramLabel = "N", description = "Images in the timed burst. Default: ${DEFAULT-VALUE}.")
    int images = 200;

    @Option(names = "--memory", description = "Instead: resident memory of a worker process with 1 thread and with --threads,"
            + " serving three models.")
    boolean memory;

    @Override
    public Integer call() throws InterruptedException, IOException {
        EmbeddedKafka.quietKafkaLogs();
        PrintWriter out = spec.commandLine().getOut();
        if (memory) {
            return memory(out);
        }
        out.printf("bench-worker: model %s, %d threads, %d images of 512x512 8-bit ...%n", model, threads, images);
        out.flush();
        WorkerBenchmark.Result r = new WorkerBenchmark(model, threads, images).run();
        out.printf(Locale.ROOT, "raw Denoiser       %8.1f images/s  (mean of %.1f before and %.1f after the worker run)%n",
                r.rawRate(), r.rawBefore(), r.rawAfter());
        out.printf(Locale.ROOT, "Denoiser + PNG     %8.1f images/s  (decode, denoise, encode: the worker's work without Kafka)%n",
                r.withCodecRate());
        out.printf(Locale.ROOT, "worker end to end  %8.1f images/s  (%.1f %% of raw, overhead %.1f %%)%n", r.workerRate(),
                100 * r.workerRate() / r.rawRate(), r.overheadPercent());
        out.printf(Locale.ROOT, "latency at half the raw rate: p50 %.0f ms, p99 %.0f ms (publish to committed output)%n", r.p50(), r.p99());
        out.printf(Locale.ROOT, "worker's own latency (poll to commit, all phases): p50 %.0f ms, p99 %.0f ms%n", r.workerP50(), r.workerP99());
        return 0;
    }

    private int memory(PrintWriter out) throws InterruptedException, IOException {
        out.printf("bench-worker --memory: worker processes with 1 and %d threads, %d images of 512x512 8-bit over %s ...%n",
                threads, images, WorkerMemoryBenchmark.MODELS);
        out.flush();
        List<WorkerMemoryBenchmark.Usage> usage = new WorkerMemoryBenchmark(threads, images).run();
        for (WorkerMemoryBenchmark.Usage u : usage) {
            out.printf(Locale.ROOT, "%d thread(s): resident %.0f MiB, peak %.0f MiB%n", u.threads(), u.residentMib(), u.peakMib());
        }
        out.printf(Locale.ROOT, "%d threads / 1 thread: resident %.2fx, peak %.2fx (target at most 1.3x)%n", threads,
                usage.get(1).residentMib() / usage.get(0).residentMib(), usage.get(1).peakMib() / usage.get(0).peakMib());
        return 0;
    }
}
