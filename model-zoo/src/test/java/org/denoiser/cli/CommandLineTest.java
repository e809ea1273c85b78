package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.io.PixelType;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    private static final String MODEL = "denoise/mnist-seed";

    @TempDir
    Path tmp;

    private final ImageCodec codec = ImageCodec.defaults();

    @Test
    void aMissingFileIsOneLineAndExitCode2() {
        CliRun run = CliRun.of("denoise", "--model", MODEL, tmp.resolve("nope.png").toString(), "-o", tmp.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("nope.png"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void corruptPngAndTiffAreReportedAndTheGoodFileStillGetsDenoised() throws Exception {
        Path png = tmp.resolve("corrupt.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3});
        Path tif = tmp.resolve("corrupt.tif");
        Files.write(tif, new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 99});
        Path good = writeGray8("good.png", 40, 30);
        CliRun run = CliRun.of("denoise", "--model", MODEL, png.toString(), tif.toString(), good.toString(),
                "-o", tmp.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("corrupt.png") && run.err().contains("corrupt.tif"), run.err());
        assertNoStackTrace(run);
        assertTrue(Files.exists(tmp.resolve("out/good.png")));
        assertFalse(Files.exists(tmp.resolve("out/corrupt.png")), "no output for a corrupt input");
    }

    @Test
    void benchTimesAColourModelOnRgbAgainstAGrayModelPerColour() {
        CliRun run = CliRun.of("bench", "--rgb", "--model", "denoise/gaussian-color", "--baseline", MODEL,
                "--sizes", "64", "--stack", "0", "--thread-counts", "1", "--repeat", "1");
        assertEquals(0, run.exitCode(), run.err());
        Matcher row = Pattern.compile("64x64 RGB +denoise/gaussian-color +1 .* (\\d+\\.\\d+)x").matcher(run.out());
        assertTrue(row.find(), run.out());
        assertTrue(Double.parseDouble(row.group(1)) > 0, run.out());
    }

    @Test
    void evalTellsAConditionedModelTheStrengthAndRefusesItForABlindOne() {
        Path dir = tmp.resolve("clean");
        writeGray8In(dir, "board.png", 64, 48);
        String[] common = {"eval", "--noise", "gaussian:25", "--seed", "0", dir.toString(), "--model"};
        CliRun atOne = CliRun.of(concat(common, "denoise/poisson-gauss-nl"));
        CliRun atThree = CliRun.of(concat(common, "denoise/poisson-gauss-nl", "--strength", "3"));
        assertEquals(0, atThree.exitCode(), atThree.err());
        assertTrue(atThree.out().contains("denoise/poisson-gauss-nl (strength 3.0)"), atThree.out());
        assertFalse(meanLine(atOne).equals(meanLine(atThree)), "strength 3 must change the result: " + meanLine(atOne));

        CliRun blind = CliRun.of(concat(common, MODEL, "--strength", "3"));
        assertEquals(2, blind.exitCode());
        assertTrue(blind.err().contains("blind"), blind.err());
        assertNoStackTrace(blind);
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    private static String meanLine(CliRun run) {
        return run.out().lines().filter(l -> l.startsWith("mean PSNR")).findFirst().orElse("no mean line in " + run.out());
    }

    @Test
    void anUnknownModelIsOneLineAndExitCode2() {
        Path good = writeGray8("good.png", 20, 20);
        CliRun run = CliRun.of("denoise", "--model", "denoise/nope", good.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown model 'denoise/nope'"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void strengthReachesAConditionedModelAndTheLevelIsPrinted() {
        Path good = writeGray8("good.png", 64, 48);
        CliRun run = CliRun.of("denoise", "--model", "denoise/poisson-gauss-nl", "--strength", "1.5", good.toString(),
                "-o", tmp.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("denoise/poisson-gauss-nl, noise level shot") && run.out().contains("estimated x1.5"),
                run.out());
        CliRun sigma = CliRun.of("denoise", "--model", "denoise/poisson-gauss-nl", "--sigma", "25", good.toString(),
                "-o", tmp.resolve("sigma").toString());
        assertTrue(sigma.out().contains("read 0.0980 (25.00 in image units; given)"), sigma.out());
    }

    @Test
    void theSelfEnsembleIsNamedAndChangesTheResult() throws Exception {
        Path good = writeGray8("good.png", 64, 48);
        CliRun once = CliRun.of("denoise", "--model", "denoise/gaussian-gray", good.toString(), "-o", tmp.resolve("once").toString());
        CliRun eight = CliRun.of("denoise", "--model", "denoise/gaussian-gray", "--self-ensemble", good.toString(),
                "-o", tmp.resolve("eight").toString());
        assertEquals(0, eight.exitCode(), eight.err());
        assertTrue(eight.out().contains("denoise/gaussian-gray, self-ensemble,"), eight.out());
        assertFalse(once.out().contains("self-ensemble"), once.out());
        assertNotEquals(-1, Files.mismatch(tmp.resolve("once/good.png"), tmp.resolve("eight/good.png")),
                "8 orientations averaged must differ from one pass");
    }

    @Test
    void aStrengthForABlindModelOrOutOfRangeIsOneLineAndExitCode2() {
        Path good = writeGray8("good.png", 20, 20);
        CliRun blind = CliRun.of("denoise", "--model", MODEL, "--strength", "2", good.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(2, blind.exitCode());
        assertTrue(blind.err().contains("model denoise/mnist-seed is blind"), blind.err());
        assertNoStackTrace(blind);
        CliRun zero = CliRun.of("denoise", "--model", MODEL, "--strength", "0", good.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("strength must be a number from 0.05 to 10.0, got 0.0"), zero.err());
        assertFalse(Files.exists(tmp.resolve("out/good.png")), "nothing written");
    }

    @Test
    void badUsageIsExitCode2() {
        assertEquals(2, CliRun.of("denoise").exitCode());
        assertEquals(2, CliRun.of("eval", "--model", MODEL, tmp.toString()).exitCode(), "eval needs a noise or --clean");
        assertEquals(2, CliRun.of("noise", "--noise", "pink:3", writeGray8("a.png", 8, 8).toString(), "-o", tmp.toString()).exitCode());
    }

    @Test
    void denoiseKeepsFormatAndBitDepthForA16BitStack() {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(3, 48, 40, 4);
        Path input = tmp.resolve("stack.tif");
        codec.write(ImageData.of(ImageFormat.TIFF, toXycz(pair.noisy())), input);
        CliRun run = CliRun.of("denoise", "--model", MODEL, input.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        ImageData out = codec.read(tmp.resolve("out/stack.tif"));
        assertEquals(ImageFormat.TIFF, out.format());
        assertEquals(PixelType.GRAY16, out.type());
        assertEquals(4, out.planes());
        assertEquals(48, out.width());
    }

    private static Img<UnsignedShortType> toXycz(Img<UnsignedShortType> xyt) {
        Img<UnsignedShortType> copy = ArrayImgs.unsignedShorts(xyt.dimension(0), xyt.dimension(1), 1, xyt.dimension(2));
        LoopBuilder.setImages(xyt, Views.hyperSlice(copy, 2, 0)).forEachPixel((a, b) -> b.set(a));
        return copy;
    }

    @Test
    void evalPrintsATableAndTheExactLastLine() {
        Path dir = tmp.resolve("clean");
        writeGray8In(dir, "a.png", 64, 48);
        writeGray8In(dir, "b.png", 50, 50);
        CliRun run = CliRun.of("eval", "--model", MODEL, "--noise", "gaussian:25", "--seed", "0", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = Pattern.compile("mean PSNR (\\d+\\.\\d\\d) -> (\\d+\\.\\d\\d) dB, SSIM (\\d\\.\\d{4}) -> (\\d\\.\\d{4})")
                .matcher(run.lastLine());
        assertTrue(m.matches(), run.lastLine());
        assertTrue(run.out().contains("a.png") && run.out().contains("b.png"), run.out());
        double noisyPsnr = Double.parseDouble(m.group(1));
        assertEquals(20.2, noisyPsnr, 0.6, "sigma 25 on 0..255 gives about 20.2 dB before clipping");
    }

    @Test
    void noiseWritesTheSameFormatAndIsSeeded() throws Exception {
        Path input = writeGray8("flat.png", 32, 32);
        assertEquals(0, CliRun.of("noise", "--gaussian", "10", "--seed", "7", input.toString(), "-o", tmp.resolve("n1").toString()).exitCode());
        assertEquals(0, CliRun.of("noise", "--gaussian", "10", "--seed", "7", input.toString(), "-o", tmp.resolve("n2").toString()).exitCode());
        assertEquals(-1, Files.mismatch(tmp.resolve("n1/flat.png"), tmp.resolve("n2/flat.png")));
        assertTrue(Files.mismatch(input, tmp.resolve("n1/flat.png")) >= 0, "noise changed the image");
        assertEquals(PixelType.GRAY8, codec.read(tmp.resolve("n1/flat.png")).type());
    }

    @Test
    void modelsListsTheSeedModelWithItsMetadata() {
        CliRun run = CliRun.of("models");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(MODEL) && run.out().contains("receptive field"), run.out());
    }

    @Test
    void montageWritesAPng() {
        Path input = writeGray8("m.png", 40, 30);
        Path png = tmp.resolve("montage.png");
        CliRun run = CliRun.of("montage", "--model", MODEL, "--noise", "gaussian:25", input.toString(), "-o", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        ImageData montage = codec.read(png);
        assertTrue(montage.width() >= 3 * 40 && montage.height() >= 30, montage.width() + "x" + montage.height());
    }

    private static void assertNoStackTrace(CliRun run) {
        assertFalse(run.err().contains("\tat ") || run.err().contains("    at "), run.err());
    }

    private Path writeGray8(String name, int width, int height) {
        return writeGray8In(tmp, name, width, height);
    }

    private Path writeGray8In(Path dir, String name, int width, int height) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Img<UnsignedByteType> pixels = ArrayImgs.unsignedBytes(width, height, 1, 1);
        var c = pixels.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            int x = c.getIntPosition(0);
            int y = c.getIntPosition(1);
            c.get().set((x / 8 + y / 8) % 2 == 0 ? 60 : 190);
        }
        Path file = dir.resolve(name);
        codec.write(ImageData.of(ImageFormat.PNG, pixels), file);
        return file;
    }
}
