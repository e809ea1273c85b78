package org.denoiser.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code denoiser bench}: per case, model load time, ms per image, Mpx/s and peak RSS for square
 * images and a stack, with 1 and 2 tile threads, and each throughput as a ratio against a baseline
 * measured in the same run: the baseline model (with {@code --baseline}) in the same case, or
 * else the first thread count in the same case. Cases run smallest first, so the peak RSS after
 * each row is the peak of everything up to it; for a clean memory figure run one size alone.
 */
@Command(name = "bench", description = "Time model loading and denoising of generated images; print Mpx/s, peak RSS and ratios.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--sizes", split = ",", defaultValue = "512,2048", paramLabel = "N[,N...]",
            description = "Square image sides. Default: ${DEFAULT-VALUE}.")
    List<Integer> sizes;

    @Option(names = "--stack", defaultValue = "100", paramLabel = "PLANES",
            description = "Also a stack of this many planes of the first size (0: none). Default: ${DEFAULT-VALUE}.")
    int stackPlanes;

    @Option(names = "--rgb", description = "Generate 8-bit RGB images (x, y, colour): a colour model takes the"
            + " colours together, a gray model each alone, as for a user's photo.")
    boolean rgb;

    @Option(names = "--thread-counts", split = ",", defaultValue = "1,2", paramLabel = "N[,N...]",
            description = "Tile threads to compare. Default: ${DEFAULT-VALUE}.")
    List<Integer> threadCounts;

    @Option(names = "--baseline", paramLabel = "ID", description = "Also time this model (or classical/bm3d), and print ratios against it.")
    String baseline;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed runs per case (after one warm-up). Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Override
    public Integer call() {
        List<Benchmark.Case> cases = cases();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-14s %-31s %7s %8s %10s %9s %12s %8s%n", "case", "model", "threads", "load ms", "ms/image", "Mpx/s",
                "peak RSS MB", "ratio");
        Map<String, Double> baselineSpeed = new LinkedHashMap<>();
        for (Benchmark.Case c : cases) {
            for (int threads : threadCounts) {
                if (baseline != null) {
                    baselineSpeed.put(key(c, threads), run(out, baseline, c, threads, null));
                }
                Double reference = baseline != null ? baselineSpeed.get(key(c, threads)) : baselineSpeed.get(key(c, 0));
                double speed = run(out, modelOptions.model, c, threads, reference);
                if (baseline == null && !baselineSpeed.containsKey(key(c, 0))) {
                    baselineSpeed.put(key(c, 0), speed);
                }
            }
        }
        out.println(baseline != null
                ? "ratio: Mpx/s of " + modelOptions.model + " over " + baseline + " in the same case and threads"
                : "ratio: Mpx/s over the first thread count in the same case");
        if (modelOptions.selfEnsemble) {
            out.println("self-ensemble: the networks ran every tile in its 8 orientations (classical methods as usual)");
        }
        return 0;
    }

    private List<Benchmark.Case> cases() {
        List<Benchmark.Case> cases = new ArrayList<>();
        for (int size : sizes) {
            cases.add(new Benchmark.Case(size, 1, rgb ? 3 : 1));
        }
        if (stackPlanes > 0) {
            cases.add(new Benchmark.Case(sizes.get(0), stackPlanes, rgb ? 3 : 1));
        }
        return cases;
    }

    private static String key(Benchmark.Case c, int threads) {
        return c.label() + "@" + threads;
    }

    /** Loads the model, times the case, prints a row; returns Mpx/s. */
    private double run(PrintWriter out, String model, Benchmark.Case c, int threads, Double reference) {
        long start = System.nanoTime();
        try (DenoisingMethod denoiser = DenoisingMethod.forBench(model, modelOptions, threads)) {
            double loadMs = (System.nanoTime() - start) / 1e6;
            Benchmark.Timing timing = Benchmark.time(denoiser, c, repeat);
            double speed = timing.megapixelsPerSecond(c);
            out.printf(Locale.ROOT, "%-14s %-31s %7d %8.0f %10.0f %9.3f %12.0f %8s%n", c.label(), model, threads,
                    loadMs, timing.milliseconds(), speed, timing.peakRssMegabytes(),
                    reference == null ? "" : String.format(Locale.ROOT, "%.2fx", speed / reference));
            if (!denoiser.noiseUsed().isEmpty()) {
                out.println("  " + denoiser.noiseUsed());
            }
            out.flush();
            return speed;
        }
    }
}
