package org.denoiser.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.metrics.Psnr;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strength control with the shipped noise-level-conditioned weights ({@code denoise/poisson-gauss-nl})
 * on real TensorFlow: telling the model more noise smooths more, less keeps more detail, and the
 * estimated level is right on noise of known parameters. Prints the sweep (see MODELS.md).
 */
class StrengthControlTest {
    static final String MODEL = "denoise/poisson-gauss-nl";
    private static final double[] STRENGTHS = {0.5, 0.75, 1, 1.5, 2};
    private static final double DETAIL_SLACK = 1.02;
    private static Denoiser denoiser;

    @BeforeAll
    static void load() {
        // The network's own response to strength: flux restoration (on by default for 16-bit and
        // float) puts back more residual around sources the more the network removes, which
        // flattens the sweep at the strong end (detail 0.113 at strength 1.5, 0.116 at 2).
        denoiser = Denoiser.builder().repository(BundledModels.repository()).model(MODEL).tileSize(1024)
                .restoreFlux(false).build();
    }

    @AfterAll
    static void close() {
        denoiser.close();
    }

    /** The camera test image's centre, 256 x 256, with Gaussian noise sigma 25, rounded to 8 bits. */
    private static CleanNoisyPair<UnsignedByteType> cameraSigma25() {
        Img<UnsignedByteType> camera = TestImages.camera();
        long x0 = camera.dimension(0) / 2 - 128;
        long y0 = camera.dimension(1) / 2 - 128;
        Img<UnsignedByteType> crop = ArrayImgs.unsignedBytes(256, 256);
        LoopBuilder.setImages(Views.zeroMin(Views.interval(camera, new long[] {x0, y0}, new long[] {x0 + 255, y0 + 255})),
                crop).forEachPixel((in, out) -> out.set(in));
        return SyntheticImages.gaussianNoisy8bit(crop, 25, 13);
    }

    @Test
    void moreStrengthSmoothsMoreAndLessKeepsMoreDetailMonotonically() {
        CleanNoisyPair<UnsignedByteType> pair = cameraSigma25();
        sweep("camera 256x256, Gaussian sigma 25 (8-bit)", pair.truth(), pair.noisy(), 255, 5, AutoModel.PHOTO_MODEL);
    }

    /** The same on 16-bit Poisson-Gaussian data, through the 0.2..0.8 headroom map. */
    @Test
    void theSweepHoldsOnLowLightFluorescence() {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(3, 256, 256, 1, LowLight.DIM);
        var truth = Views.hyperSlice(pair.truth(), 2, 0);
        sweep("16-bit fluorescence 256x256, 30 e- peak, 2 e- read noise", truth, Views.hyperSlice(pair.noisy(), 2, 0),
                Psnr.dataRangeOf(truth), 5, AutoModel.CAMERA_MODEL);
    }

    /**
     * Denoises {@code noisy} at every strength, prints a row per strength, and checks that the
     * residual rises, the output's detail falls, and strength 1 beats the noisy input by {@code minGain} dB.
     * The blind model {@code auto} would pick is measured beside it, for comparison.
     */
    private static <T extends RealType<T> & NativeType<T>> void sweep(String scene, RandomAccessibleInterval<FloatType> truth,
            RandomAccessibleInterval<T> noisy, double dataRange, double minGain, String blindModel) {
        double noisyPsnr = Psnr.compute(truth, noisy, dataRange);
        double blindPsnr;
        try (Denoiser blind = Denoiser.builder().repository(BundledModels.repository()).model(blindModel)
                .restoreFlux(false).build()) {
            blindPsnr = Psnr.compute(truth, blind.denoise(noisy), dataRange);
        }
        System.out.printf(Locale.ROOT, "strength sweep, %s, %s; noisy PSNR %.2f dB, blind %s %.2f dB%n", MODEL, scene,
                noisyPsnr, blindModel, blindPsnr);
        System.out.println("strength | told shot, read std (network units) | residual std | output detail energy | PSNR dB");
        List<double[]> rows = new ArrayList<>();
        for (double strength : STRENGTHS) {
            List<NoiseLevelUsed> told = new ArrayList<>();
            Img<T> out = denoiser.withNoise(NoiseSetting.strength(strength), told::add).denoise(noisy);
            assertEquals(1, told.size(), "one level for the one plane");
            double[] row = {strength, told.get(0).shot(), residualStd(noisy, out), detailEnergy(out),
                Psnr.compute(truth, out, dataRange), told.get(0).read()};
            rows.add(row);
            System.out.printf(Locale.ROOT, "%.2f | %.4f, %.4f | %.4g | %.4g | %.2f%n", row[0], row[1], row[5], row[2], row[3],
                    row[4]);
        }
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i)[2] > rows.get(i - 1)[2], "residual std must rise with strength: " + table(rows));
            // Once the output is flat, more strength cannot take more detail out: 2 % of slack there.
            assertTrue(rows.get(i)[3] < rows.get(i - 1)[3] * DETAIL_SLACK, "output detail must fall with strength: "
                    + table(rows));
        }
        double atOne = rows.get(2)[4];
        assertTrue(atOne > noisyPsnr + minGain, "strength 1 must beat the noisy input clearly: " + atOne + " vs " + noisyPsnr);
    }

    @Test
    void theEstimatedLevelOfKnownGaussianNoiseIsWithinTenPercent() {
        List<NoiseLevelUsed> told = new ArrayList<>();
        denoiser.withNoise(NoiseSetting.DEFAULT, told::add).denoise(cameraSigma25().noisy());
        NoiseLevelUsed level = told.get(0);
        // The fit may split the variance between shot and read (clipping at 0 lowers the noise in
        // the dark coat), so the std it describes is checked at mid-gray, where nothing clips.
        double stdAtMidGray = 255 * Math.sqrt(level.shot() * level.shot() * 0.5 + level.read() * level.read());
        assertEquals(25, stdAtMidGray, 2.5, level.toString());
    }

    @Test
    void theEstimatedLevelOfKnownPoissonGaussianNoiseIsWithinFifteenPercent() {
        double shot = Math.sqrt(1 / 50.0); // 50 photons at full scale
        double read = 0.02;
        int width = 256;
        int height = 256;
        SplittableRandom random = new SplittableRandom(7);
        float[] pixels = new float[width * height];
        for (int i = 0; i < pixels.length; i++) {
            double signal = 0.05 + 0.9 * (i % width) / (width - 1.0); // a ramp over most of the range
            pixels[i] = (float) (signal + Math.sqrt(shot * shot * signal + read * read) * random.nextGaussian());
        }
        List<NoiseLevelUsed> told = new ArrayList<>();
        denoiser.withNoise(NoiseSetting.DEFAULT, told::add).denoisePlane(pixels, width, height);
        NoiseLevelUsed level = told.get(0);
        assertEquals(shot, level.shot(), 0.15 * shot, level.toString());
        assertEquals(read, level.read(), 0.15 * read, level.toString());
    }

    @Test
    void aGivenSigmaReplacesTheEstimateInTheImagesUnits() {
        CleanNoisyPair<UnsignedByteType> pair = cameraSigma25();
        List<NoiseLevelUsed> told = new ArrayList<>();
        Img<UnsignedByteType> out = denoiser.withNoise(NoiseSetting.DEFAULT.withSigma(25), told::add).denoise(pair.noisy());
        assertEquals(25 / 255.0, told.get(0).read(), 1e-9);
        assertEquals(0, told.get(0).shot());
        assertTrue(!told.get(0).estimated());
        double psnr = Psnr.compute(pair.truth(), out, 255);
        System.out.printf(Locale.ROOT, "camera 256x256, Gaussian sigma 25, told the true sigma (--sigma 25): %.2f dB%n", psnr);
        assertTrue(psnr > Psnr.compute(pair.truth(), pair.noisy(), 255) + 5, "told the true level: " + psnr + " dB");
    }

    @Test
    void tiledOutputEqualsUntiledOutputWithOneLevelPerPlane() {
        SplittableRandom random = new SplittableRandom(5);
        int width = 203;
        int height = 117;
        float[] pixels = new float[width * height];
        for (int i = 0; i < pixels.length; i++) {
            double signal = 0.5 + 0.3 * Math.sin(i % width / 7.0) * Math.cos(i / width / 5.0);
            pixels[i] = (float) (signal + Math.sqrt(signal / 50 + 0.0004) * random.nextGaussian());
        }
        try (Denoiser small = Denoiser.builder().repository(BundledModels.repository()).model(MODEL).tileSize(40)
                .restoreFlux(false).build()) {
            float[] whole = denoiser.denoisePlane(pixels, width, height);
            List<NoiseLevelUsed> told = new ArrayList<>();
            float[] tiled = small.withNoise(NoiseSetting.DEFAULT, told::add).denoisePlane(pixels, width, height);
            assertEquals(1, told.size(), "one level for the plane, whatever its 18 tiles");
            assertArrayEquals(whole, tiled, 1e-4f);
        }
    }

    @Test
    void aBlindModelRefusesAStrengthInOneLine() {
        try (Denoiser blind = BundledModels.seed().build()) {
            StrengthNotSupportedException e = assertThrows(StrengthNotSupportedException.class,
                    () -> blind.withNoise(NoiseSetting.strength(1.5), level -> { }));
            assertTrue(e.getMessage().contains(BundledModels.SEED) && !e.getMessage().contains("\n"), e.getMessage());
            blind.withNoise(NoiseSetting.DEFAULT, level -> { }); // the default is every model's behaviour
        }
    }

    private static double residualStd(RandomAccessibleInterval<? extends RealType<?>> noisy,
            RandomAccessibleInterval<? extends RealType<?>> out) {
        double[] sums = new double[3];
        LoopBuilder.setImages(noisy, out).forEachPixel((a, b) -> {
            double d = a.getRealDouble() - b.getRealDouble();
            sums[0] += d;
            sums[1] += d * d;
            sums[2]++;
        });
        double mean = sums[0] / sums[2];
        return Math.sqrt(sums[1] / sums[2] - mean * mean);
    }

    /** Mean square of the output's diagonal differences: its high-frequency energy, which smoothing lowers. */
    private static double detailEnergy(RandomAccessibleInterval<? extends RealType<?>> image) {
        long width = image.dimension(0);
        long height = image.dimension(1);
        var access = image.randomAccess();
        double sum = 0;
        for (long y = 0; y + 1 < height; y++) {
            for (long x = 0; x + 1 < width; x++) {
                double a = access.setPositionAndGet(x, y).getRealDouble();
                double d = access.setPositionAndGet(x + 1, y + 1).getRealDouble();
                double b = access.setPositionAndGet(x + 1, y).getRealDouble();
                double c = access.setPositionAndGet(x, y + 1).getRealDouble();
                sum += (a - b - c + d) * (a - b - c + d) / 4;
            }
        }
        return sum / ((width - 1) * (height - 1));
    }

    private static String table(List<double[]> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> text.append(String.format(Locale.ROOT, "[s %.2f: residual %.4g, detail %.4g, %.2f dB] ",
                r[0], r[2], r[3], r[4])));
        return text.toString();
    }

}
