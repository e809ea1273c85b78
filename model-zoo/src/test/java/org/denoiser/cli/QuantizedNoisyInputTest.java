package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.noise.NoiseModels;
import org.denoiser.noise.NoisyValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval --quantize-noisy}: the noisy image as an 8- or 16-bit file stores it (issue 13's
 * quantized protocol). The noisy PSNRs eval prints are checked against their expectation,
 * computed by integrating over the Gaussian, so a wrong rounding or range shows as a wrong figure.
 */
class QuantizedNoisyInputTest {
    private static final String MODEL = "denoise/mnist-seed";
    private static final int SIDE = 128;
    private static final Pattern MEAN = Pattern.compile("mean PSNR (\\d+\\.\\d\\d) -> (\\d+\\.\\d\\d) dB.*");

    /** What the 8-bit PSNR makes of a noisy value as drawn: it clips it to 0..255 first. */
    private static final DoubleUnaryOperator AS_SCORED = x -> Math.max(0, Math.min(255, x));
    /** What an 8-bit file stores: the nearest whole step, within 0..255. */
    private static final DoubleUnaryOperator QUANTIZED = x -> Math.max(0, Math.min(255, Math.rint(x)));

    @TempDir
    Path tmp;

    private final ImageCodec codec = ImageCodec.defaults();

    @Test
    void roundingAddsAboutATwelfthOfAStepSquaredToTheNoisyError() {
        // Sigma 1 on mid-gray: no clipping, and rounding's 1/12 step^2 is 8 % of the noise's 1 step^2.
        Path dir = gray8Image("flat", 100);
        double published = noisyPsnr(eval(dir, "gaussian:1"));
        double quantized = noisyPsnr(eval(dir, "gaussian:1", "--quantize-noisy"));

        assertEquals(psnr(1), published, 0.15, "sigma 1 as drawn");
        double expected = psnr(expectedSquaredError(100, 1, QUANTIZED));
        assertEquals(psnr(1 + 1 / 12.0), expected, 0.01, "Sheppard: rounding adds 1/12 step^2");
        assertEquals(expected, quantized, 0.15, "sigma 1, rounded");
        assertEquals(10 * Math.log10(1 + 1 / 12.0), published - quantized, 0.1, "rounding costs 0.35 dB here");
    }

    @Test
    void atSigma25TheNoisyPsnrMatchesItsExpectationWithClippingAtBlackAndWhite() {
        // A third black, a third mid-gray, a third white: the 8-bit PSNR clips the noisy values that
        // fall below 0 or above 255 in both protocols, so only rounding (1/12 of sigma^2 = 625) differs.
        int[] levels = {0, 128, 255};
        Path dir = gray8Image("thirds", levels);
        CliRun publishedRun = eval(dir, "gaussian:25");
        CliRun quantizedRun = eval(dir, "gaussian:25", "--quantize-noisy");
        double published = noisyPsnr(publishedRun);
        double quantized = noisyPsnr(quantizedRun);

        double expectedPublished = psnr(meanOver(levels, v -> expectedSquaredError(v, 25, AS_SCORED)));
        double expectedQuantized = psnr(meanOver(levels, v -> expectedSquaredError(v, 25, QUANTIZED)));
        assertTrue(expectedPublished - psnr(625) > 1, "clipping at black and white takes out a good part of the noise");
        assertEquals(expectedPublished, published, 0.15);
        assertEquals(expectedQuantized, quantized, 0.15);
        assertEquals(expectedPublished - expectedQuantized, published - quantized, 0.02,
                "same draws: the two differ only by the rounding, well under 0.01 dB at sigma 25");
        assertTrue(quantizedRun.out().contains("noise gaussian:25, seed 0, quantized, 1 images"), quantizedRun.out());
        assertFalse(publishedRun.out().contains("quantized"), publishedRun.out());
    }

    @Test
    void quantizedNoisyPixelsAreWholeStepsWithinThePixelTypesRange() {
        int[] levels8 = {0, 128, 255};
        ImageData gray8 = ImageData.of(ImageFormat.PNG, image(ArrayImgs.unsignedBytes(SIDE, SIDE, 1, 1), levels8));
        int[] levels16 = {0, 32768, 65535};
        ImageData gray16 = ImageData.of(ImageFormat.TIFF, image(ArrayImgs.unsignedShorts(SIDE, SIDE, 1, 1), levels16));
        try (Denoiser denoiser = Denoiser.builder().model(MODEL).build()) {
            assertWholeStepsWithin(noisy(denoiser, gray8, "gaussian:25", NoisyValues.QUANTIZED), 255);
            assertWholeStepsWithin(noisy(denoiser, gray16, "gaussian:6425", NoisyValues.QUANTIZED), 65535);

            Img<FloatType> drawn = noisy(denoiser, gray8, "gaussian:25", NoisyValues.AS_DRAWN);
            assertTrue(count(drawn, v -> v < 0) > 1000 && count(drawn, v -> v > 255) > 1000,
                    "as drawn, the noise goes beyond black and white");
            assertTrue(count(drawn, v -> v != Math.rint(v)) > SIDE * SIDE / 2, "as drawn, values are fractional");
        }
    }

    @Test
    void floatDataIsRefusedInOneLine() {
        Path dir = tmp.resolve("float");
        Path file = dir.resolve("real.tif");
        write(ImageData.of(ImageFormat.TIFF, ArrayImgs.floats(SIDE, SIDE, 1, 1)), file);

        CliRun run = CliRun.of("eval", "--model", MODEL, "--gaussian", "25", "--quantize-noisy", dir.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("denoiser: --quantize-noisy needs 8- or 16-bit integer pixels, but real.tif holds 32-bit floats; "
                + "leave the option out for float data", run.err().strip());

        Path png = tmp.resolve("montage.png");
        CliRun montage = CliRun.of("montage", "--model", MODEL, "--gaussian", "25", "--quantize-noisy", file.toString(),
                "-o", png.toString());
        assertEquals(2, montage.exitCode(), montage.err());
        assertEquals(1, montage.err().strip().lines().count(), montage.err());
        assertFalse(Files.exists(png), "no montage written");
    }

    @Test
    void clipAndQuantizeAreEitherOrAndClipStillWorks() {
        Path dir = gray8Image("flat", 100);
        CliRun both = CliRun.of("eval", "--model", MODEL, "--gaussian", "25", "--clip-noisy", "--quantize-noisy", dir.toString());
        assertEquals(2, both.exitCode(), both.err());
        assertTrue(both.err().contains("mutually exclusive"), both.err());

        CliRun clipped = eval(dir, "gaussian:25", "--clip-noisy");
        assertTrue(clipped.out().contains("seed 0, clipped, 1 images"), clipped.out());
    }

    @Test
    void montageQuantizesToo() {
        Path image = gray8Image("thirds", 0, 128, 255).resolve("image.png");
        Path png = tmp.resolve("montage.png");
        CliRun run = CliRun.of("montage", "--model", MODEL, "--gaussian", "25", "--quantize-noisy", image.toString(),
                "-o", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(png));
    }

    private CliRun eval(Path dir, String noise, String... options) {
        List<String> args = new ArrayList<>(List.of("eval", "--model", MODEL, "--noise", noise, "--seed", "0"));
        args.addAll(List.of(options));
        args.add(dir.toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static double noisyPsnr(CliRun run) {
        Matcher m = MEAN.matcher(run.lastLine());
        assertTrue(m.matches(), run.lastLine());
        return Double.parseDouble(m.group(1));
    }

    private static double psnr(double meanSquaredError) {
        return 10 * Math.log10(255.0 * 255.0 / meanSquaredError);
    }

    private static double meanOver(int[] levels, java.util.function.IntToDoubleFunction error) {
        double sum = 0;
        for (int level : levels) {
            sum += error.applyAsDouble(level);
        }
        return sum / levels.length;
    }

    /**
     * E[(seen(v + n) - v)^2] for n ~ N(0, sigma^2), by the midpoint rule over +-8 sigma, fine enough
     * (a fiftieth of a step) for the rounding's jumps.
     */
    private static double expectedSquaredError(double v, double sigma, DoubleUnaryOperator seen) {
        int steps = (int) Math.ceil(16 * sigma * 50);
        double h = 16 * sigma / steps;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            double n = -8 * sigma + (i + 0.5) * h;
            double density = Math.exp(-n * n / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
            double error = seen.applyAsDouble(v + n) - v;
            sum += density * error * error * h;
        }
        return sum;
    }

    private static Img<FloatType> noisy(Denoiser denoiser, ImageData clean, String noise, NoisyValues values) {
        return Trial.synthetic(denoiser, clean, NoiseModels.parse(noise), 3, values).noisy();
    }

    private static void assertWholeStepsWithin(Img<FloatType> noisy, double max) {
        for (FloatType pixel : noisy) {
            float v = pixel.get();
            assertTrue(v == Math.rint(v) && v >= 0 && v <= max, "noisy value " + v + " is not a whole step in 0.." + max);
        }
        assertTrue(count(noisy, v -> v == 0) > 1000 && count(noisy, v -> v == max) > 1000,
                "noise beyond black and white is clipped to them");
    }

    private static long count(Img<FloatType> image, java.util.function.DoublePredicate test) {
        long n = 0;
        for (FloatType pixel : image) {
            n += test.test(pixel.get()) ? 1 : 0;
        }
        return n;
    }

    /** Columns in equal bands of {@code levels}. */
    private static <T extends RealType<T>> Img<T> image(Img<T> pixels, int[] levels) {
        var c = pixels.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            c.get().setReal(levels[c.getIntPosition(0) * levels.length / SIDE]);
        }
        return pixels;
    }

    /** A folder holding one 8-bit gray PNG in bands of {@code levels}. */
    private Path gray8Image(String folder, int... levels) {
        Path dir = tmp.resolve(folder);
        write(ImageData.of(ImageFormat.PNG, image(ArrayImgs.unsignedBytes(SIDE, SIDE, 1, 1), levels)), dir.resolve("image.png"));
        return dir;
    }

    private void write(ImageData image, Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        codec.write(image, file);
    }
}
