package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.testimages.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} and {@code bench} run the classical baselines where they run a model. */
class ClassicalMethodsCommandTest {
    private static final Pattern MEAN = Pattern.compile("mean PSNR (\\d+\\.\\d\\d) -> (\\d+\\.\\d\\d) dB, .*");

    @TempDir
    Path tmp;

    @Test
    void evalRunsBm3dWithTheGivenOrTheEstimatedSigmaAndSaysWhich() throws IOException {
        Path dir = cameramanCrops("clean");
        String[] common = {"eval", "--noise", "gaussian:25", "--seed", "0", "--model", "classical/bm3d", dir.toString()};
        CliRun given = CliRun.of(concat(common, "--sigma", "25"));
        assertEquals(0, given.exitCode(), given.err());
        assertTrue(given.out().contains("classical/bm3d: Gaussian sigma 25.00 given"), given.out());
        assertGain(given, 5);

        CliRun estimated = CliRun.of(common);
        assertEquals(0, estimated.exitCode(), estimated.err());
        Matcher sigma = Pattern.compile("Gaussian sigma mean (\\d+\\.\\d+) .* estimated per plane").matcher(estimated.out());
        assertTrue(sigma.find(), estimated.out());
        assertEquals(25, Double.parseDouble(sigma.group(1)), 5, estimated.out());
        assertGain(estimated, 5);
    }

    @Test
    void evalRunsVstBm3dOnPoissonGaussianNoiseAndRefusesASigma() throws IOException {
        Path dir = cameramanCrops("clean");
        CliRun run = CliRun.of("eval", "--noise", "poisson-gauss:2,5", "--seed", "0", "--model", "classical/vst-bm3d",
                dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("classical/vst-bm3d: Poisson-Gaussian fitted per plane: gain"), run.out());
        assertGain(run, 4);

        CliRun sigma = CliRun.of("eval", "--noise", "poisson-gauss:2,5", "--model", "classical/vst-bm3d", "--sigma", "5",
                dir.toString());
        assertEquals(2, sigma.exitCode());
        assertOneLine(sigma, "fits Poisson-Gaussian noise");
    }

    @Test
    void aPlaneWithoutNoiseIsOneLineAndExitCode2() throws IOException {
        Path clean = tmp.resolve("flat-clean");
        Path noisy = tmp.resolve("flat-noisy");
        Files.createDirectories(clean);
        Files.createDirectories(noisy);
        Img<UnsignedByteType> flat = ArrayImgs.unsignedBytes(32, 32, 1, 1);
        flat.forEach(p -> p.set(90));
        ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, flat), clean.resolve("flat.png"));
        ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, flat), noisy.resolve("flat.png"));
        CliRun run = CliRun.of("eval", "--model", "classical/bm3d", "--clean", clean.toString(), noisy.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertOneLine(run, "no noise measurable");
    }

    @Test
    void benchPrintsARatioRowOverBm3d() {
        CliRun run = CliRun.of("bench", "--model", "denoise/mnist-seed", "--baseline", "classical/bm3d", "--sizes", "64",
                "--stack", "2", "--thread-counts", "2", "--repeat", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Pattern.compile("64x64 +classical/bm3d +2 ").matcher(run.out()).find(), run.out());
        Matcher row = Pattern.compile("2 x 64x64 +denoise/mnist-seed +2 .* (\\d+\\.\\d+)x").matcher(run.out());
        assertTrue(row.find(), run.out());
        assertTrue(Double.parseDouble(row.group(1)) > 0, run.out());
        assertTrue(run.out().contains("ratio: Mpx/s of denoise/mnist-seed over classical/bm3d"), run.out());
        assertTrue(run.out().contains("classical/bm3d: Gaussian sigma mean"), "the bench says which sigma BM3D used: " + run.out());
    }

    @Test
    void affineFitScoresPairsWhoseBrightnessWasStretched() throws IOException {
        Path clean = cameramanCrops("clean");
        Path dimmed = tmp.resolve("dimmed");
        Files.createDirectories(dimmed);
        ImageCodec codec = ImageCodec.defaults();
        for (String name : new String[] {"crop0.png", "crop1.png"}) {
            ImageData image = codec.read(clean.resolve(name));
            Img<UnsignedByteType> pixels = ArrayImgs.unsignedBytes(64, 64, 1, 1);
            LoopBuilder.setImages(image.pixels(), pixels).forEachPixel((in, out) -> out.setReal(in.getRealDouble() / 2 + 40));
            codec.write(ImageData.of(ImageFormat.PNG, pixels), dimmed.resolve(name));
        }
        String[] common = {"eval", "--model", "classical/bm3d", "--sigma", "1", "--clean", clean.toString(), dimmed.toString()};
        Matcher plain = MEAN.matcher(CliRun.of(common).lastLine());
        CliRun fitted = CliRun.of(concat(common, "--affine-fit"));
        Matcher fit = MEAN.matcher(fitted.lastLine());
        assertTrue(plain.matches() && fit.matches(), fitted.out());
        assertTrue(Double.parseDouble(plain.group(1)) < 25, "half as bright is far from the clean image: " + plain.group());
        assertTrue(Double.parseDouble(fit.group(1)) > 45, "only rounding is left after the fit: " + fit.group());
        assertTrue(fitted.out().contains("noisy/clean pairs, affine fit"), fitted.out());
    }

    /** Two 64x64 crops of the cameraman (8-bit PNG): real edges and texture, quick for BM3D. */
    private Path cameramanCrops(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Img<UnsignedByteType> camera = TestImages.camera();
        int[][] corners = {{200, 60}, {100, 300}};
        for (int i = 0; i < corners.length; i++) {
            Img<UnsignedByteType> crop = ArrayImgs.unsignedBytes(64, 64, 1, 1);
            LoopBuilder.setImages(Views.interval(Views.zeroMin(Views.offset(camera, corners[i][0], corners[i][1])),
                    new long[] {0, 0}, new long[] {63, 63}), Views.hyperSlice(Views.hyperSlice(crop, 3, 0), 2, 0))
                    .forEachPixel((in, out) -> out.set(in));
            ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, crop), dir.resolve("crop" + i + ".png"));
        }
        return dir;
    }

    private static void assertGain(CliRun run, double decibels) {
        Matcher mean = MEAN.matcher(run.lastLine());
        assertTrue(mean.matches(), run.out());
        double gain = Double.parseDouble(mean.group(2)) - Double.parseDouble(mean.group(1));
        assertTrue(gain >= decibels, "PSNR gain " + gain + " dB: " + run.lastLine());
    }

    private static void assertOneLine(CliRun run, String text) {
        assertTrue(run.err().contains(text), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }
}
