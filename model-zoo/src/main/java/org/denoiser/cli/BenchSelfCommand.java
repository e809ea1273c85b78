package org.denoiser.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.Denoiser;
import org.denoiser.metrics.Psnr;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.train.HeldOutEvaluation;
import org.denoiser.train.NoisyPlanes;
import org.denoiser.train.SelfSupervisedTraining;
import org.denoiser.zoo.ModelRepository;
import org.denoiser.zoo.ScratchFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code denoiser bench-self}: how much self-supervised training on the noisy stack itself buys,
 * on the test-images low-light fluorescence time-lapse (which has a clean ground truth): PSNR of
 * (a) the noisy stack, (b) a zoo model as shipped, (c) training from scratch and (d) fine-tuning
 * that zoo model, after each requested number of training minutes. One run each for (c) and (d),
 * looked at along the way: the learning rate is constant, so the network after 2 minutes of a
 * 10-minute run is what a 2-minute run gives.
 */
@Command(name = "bench-self", description = "Measure self-supervised training (train-self) against a shipped model on a "
        + "synthetic low-light 16-bit time-lapse with ground truth; prints a markdown table.")
final class BenchSelfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", split = ",", defaultValue = "2,5,10", paramLabel = "M[,M...]",
            description = "Training times to report. Default: ${DEFAULT-VALUE}.")
    List<Double> minutes;

    @Option(names = "--size", defaultValue = "512", paramLabel = "N", description = "Plane side (multiple of 4). Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--planes", defaultValue = "50", paramLabel = "N", description = "Time points. Default: ${DEFAULT-VALUE}.")
    int planes;

    @Option(names = "--init", defaultValue = "denoise/poisson-gauss", paramLabel = "ID",
            description = "The shipped model to compare with and to fine-tune. Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Seed of the synthetic stack. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "TensorFlow threads for training; 0 = all cores.")
    int threads;

    @Option(names = "--report", paramLabel = "FILE.md", description = "Also write the table to this file.")
    Path report;

    @Override
    public Integer call() throws IOException {
        if (size % 4 != 0) {
            throw new DenoiseException("--size must be a multiple of 4 (the networks pool twice), got " + size);
        }
        CleanNoisyPair<UnsignedShortType> stack = SyntheticImages.fluorescenceTimeLapse(seed, size, size, planes, LowLight.DIM);
        double range = Psnr.dataRangeOf(stack.clean());
        PrintWriter out = spec.commandLine().getOut();
        List<String> rows = new ArrayList<>();
        rows.add(row("(a) noisy", "-", "-", Psnr.compute(stack.clean(), stack.noisy(), range)));
        long start = System.nanoTime();
        try (Denoiser shipped = Denoiser.builder().model(init).build()) {
            double psnr = Psnr.compute(stack.clean(), shipped.denoise(stack.noisy()), range);
            rows.add(row("(b) " + init + " as shipped", "-", String.format(Locale.ROOT, "%.0f s to denoise", (System.nanoTime() - start) / 1e9), psnr));
        }
        rows.forEach(out::println);
        out.flush();
        // the same scaled planes feed both runs, and the same mapping brings results back to camera units
        NoisyPlanes data = new NoisyPlanes().add(stack.noisy(), -1, "low-light time-lapse");
        Normalization normalization = Normalizations.fit(Views.iterable(stack.noisy()));
        Measured measured = new Measured(stack.clean(), range, data, normalization, out);
        try (ScratchFolder scratch = new ScratchFolder("denoiser-bench-self")) {
            rows.addAll(train(measured, null, "(c) from scratch", scratch.resolve("scratch")));
            rows.addAll(train(measured, init, "(d) fine-tuned from " + init, scratch.resolve("fine-tuned")));
        }
        String table = table(stack, rows);
        out.println();
        out.print(table);
        if (report != null) {
            Files.writeString(report, table);
        }
        return 0;
    }

    /** What both training runs are measured on, and where their rows are printed. */
    private record Measured(Img<UnsignedShortType> clean, double range, NoisyPlanes data, Normalization normalization,
            PrintWriter out) {
    }

    private List<String> train(Measured on, String initId, String label, Path exportDir) {
        List<String> rows = new ArrayList<>();
        List<Duration> times = minutes.stream().map(m -> Duration.ofMillis(Math.round(m * 60_000))).sorted().toList();
        SelfSupervisedTraining.Builder builder = SelfSupervisedTraining.builder()
                .budget(times.get(times.size() - 1))
                .threads(threads)
                .snapshotsAt(times)
                .listener(new SelfSupervisedTraining.Listener() {
                    @Override
                    public void snapshot(Duration elapsed, int step, HeldOutEvaluation.ImageFunction network) {
                        Img<FloatType> denoised = denoise(network, on.data(), on.normalization());
                        String line = row(label, String.format(Locale.ROOT, "%.1f min", elapsed.toMillis() / 60_000.0),
                                step + " steps", Psnr.compute(on.clean(), denoised, on.range()));
                        rows.add(line);
                        on.out().println(line);
                        on.out().flush();
                    }
                });
        if (initId != null) {
            builder.init(ModelRepository.standard().savedModel(initId), initId);
        }
        builder.build().train(on.data(), exportDir);
        return rows;
    }

    /** The network on every plane, mapped back to camera units exactly as the Denoiser maps its results. */
    private static Img<FloatType> denoise(HeldOutEvaluation.ImageFunction network, NoisyPlanes data, Normalization normalization) {
        List<NoisyPlanes.Plane> planes = data.planes();
        NoisyPlanes.Plane first = planes.get(0);
        int pixels = first.width() * first.height();
        float[] result = new float[pixels * planes.size()];
        for (int p = 0; p < planes.size(); p++) {
            float[] out = network.run(planes.get(p).pixels(), 1, first.height(), first.width());
            for (int i = 0; i < pixels; i++) {
                result[p * pixels + i] = (float) normalization.inverse(out[i]);
            }
        }
        return ArrayImgs.floats(result, first.width(), first.height(), planes.size());
    }

    private static String row(String what, String time, String detail, double psnr) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %.2f |", what, time, detail, psnr);
    }

    private String table(CleanNoisyPair<UnsignedShortType> stack, List<String> rows) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Low-light fluorescence time-lapse from test-images (LowLight.DIM: 30 electrons at the brightest pixel, 2 e- read noise; seed %d), %dx%dx%d 16-bit; "
                + "PSNR over the whole stack against the clean stack, data range = the clean stack's min..max.%n%n",
                seed, stack.clean().dimension(0), stack.clean().dimension(1), stack.clean().dimension(2)));
        text.append("| model | training time | detail | PSNR dB |\n|---|---|---|---|\n");
        rows.forEach(r -> text.append(r).append('\n'));
        return text.toString();
    }
}
