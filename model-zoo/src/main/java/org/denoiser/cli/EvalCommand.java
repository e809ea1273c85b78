package org.denoiser.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.NoiseSetting;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code denoiser eval}: the one quality harness. Adds seeded noise to each clean image of a folder
 * (or takes given noisy/clean pairs), denoises, and prints PSNR and SSIM per image and on average.
 * The denoiser is a model or a classical method ({@link DenoisingMethod}), which also prints the
 * noise level it used.
 */
@Command(name = "eval", description = "Measure PSNR/SSIM of a model, or of a classical method (--model classical/bm3d,"
        + " classical/vst-bm3d), on a folder of images.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    NoiseOptions noise;

    @Mixin
    NoisyValuesOptions noisyValues;

    @Mixin
    NoiseLevelOptions noiseLevel;

    @Option(names = "--clean", paramLabel = "CLEANDIR",
            description = "Evaluate the images of DIR as noisy inputs against same-named clean images here.")
    Path cleanDir;

    @Option(names = "--affine-fit", description = "Score the noisy and the denoised image each after its least-squares"
            + " fit a*x+b to the clean one (pairs whose brightness was stretched per image, e.g. microscopy).")
    boolean affineFit;

    @Option(names = "--report", paramLabel = "FILE.md",
            description = "Append a markdown section (table per image, mean) to FILE.md and write a montage PNG beside it.")
    Path report;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of clean images (or noisy ones with --clean).")
    Path dir;

    @Override
    public Integer call() {
        if (noise.given() == (cleanDir != null)) {
            throw new IllegalArgumentException("give either a noise (--noise SPEC, --gaussian ...) or --clean CLEANDIR");
        }
        ImageCodec codec = ImageCodec.defaults();
        List<Path> files = InputFiles.imagesIn(dir);
        ProgressLine progress = ProgressLine.onTerminal();
        double[] sums = new double[4];
        EvalReport section = report == null ? null : new EvalReport(report, "model " + modelOptions.model + ", "
                + describeSource() + ", " + dir.getFileName());
        NoiseSetting setting = noiseLevel.setting();
        String noiseUsed;
        try (DenoisingMethod denoiser = DenoisingMethod.open(modelOptions, setting, progress)) {
            out().printf("%-28s %10s %18s %18s %8s%n", "image", "size", "PSNR noisy->den", "SSIM noisy->den", "seconds");
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                progress.label(file.getFileName().toString());
                long start = System.nanoTime();
                Trial trial = trial(denoiser, codec, file, i);
                if (affineFit) {
                    trial = trial.fittedToClean();
                }
                double[] scores = {trial.psnr(trial.noisy()), trial.psnr(trial.denoised()),
                        trial.ssim(trial.noisy()), trial.ssim(trial.denoised())};
                for (int k = 0; k < 4; k++) {
                    sums[k] += scores[k];
                }
                String size = trial.clean().dimension(0) + "x" + trial.clean().dimension(1);
                double seconds = (System.nanoTime() - start) / 1e9;
                out().printf("%-28s %10s %8.2f -> %6.2f %8.4f -> %6.4f %8.2f%n", file.getFileName(), size,
                        scores[0], scores[1], scores[2], scores[3], seconds);
                if (section != null) {
                    section.add(file.getFileName().toString(), size, scores, seconds, trial);
                }
            }
            noiseUsed = denoiser.noiseUsed();
        }
        if (!noiseUsed.isEmpty()) {
            out().println(noiseUsed);
        }
        int n = files.size();
        out().printf("model %s%s, %s, %d images%n", modelOptions.model,
                setting.isDefault() ? "" : setting.estimated() ? " (strength " + setting.strength() + ")"
                        : " (sigma " + setting.sigma() + ")", describeSource(), n);
        if (section != null) {
            section.write(new double[] {sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n}, n);
            out().println("report appended to " + report);
        }
        out().printf("mean PSNR %.2f -> %.2f dB, SSIM %.4f -> %.4f%n", sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n);
        return 0;
    }

    private Trial trial(DenoisingMethod denoiser, ImageCodec codec, Path file, int index) {
        if (cleanDir != null) {
            Path clean = cleanDir.resolve(file.getFileName());
            if (!clean.toFile().isFile()) {
                throw new DenoiseException("no clean image for " + file.getFileName() + " in " + cleanDir);
            }
            return Trial.pair(denoiser, codec.read(clean), codec.read(file));
        }
        ImageData clean = codec.read(file);
        return Trial.synthetic(denoiser, clean, noise.model(), noise.seed + index, noisyValues.forImage(file, clean));
    }

    private String describeSource() {
        if (cleanDir != null) {
            return "noisy/clean pairs" + (affineFit ? ", affine fit" : "");
        }
        return "noise " + noise.model().describe() + ", seed " + noise.seed + noisyValues.suffix()
                + (affineFit ? ", affine fit" : "");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
