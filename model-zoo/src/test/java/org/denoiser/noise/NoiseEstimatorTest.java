package org.denoiser.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.normalize.NoiseLevel;
import org.denoiser.testimages.GroundTruthScene;
import org.denoiser.testimages.TestImages;
import org.junit.jupiter.api.Test;

/** The estimator on images with known noise: synthetic microscopy-like scenes and real photographs. */
class NoiseEstimatorTest {

    private static final int SIDE = 256;

    @Test
    void poissonGaussianLevelsAreRecoveredOnAFluorescenceLikeScene() {
        float[] clean = cells(SIDE);
        for (double[] level : new double[][] {{20, 0.01}, {200, 0.02}, {5, 0.005}}) {
            double gain = 1 / level[0];
            NoiseLevels truth = new NoiseLevels(Math.sqrt(gain), level[1]);
            float[] noisy = addNoise(clean, new PoissonGaussianNoise(gain, level[1]), 7);
            NoiseLevels estimate = NoiseEstimator.poissonGaussian(noisy, SIDE, SIDE);
            assertEquals(truth.shot(), estimate.shot(), 0.15 * truth.shot(), "shot noise at " + level[0] + " photons: " + estimate);
            // what matters to the network is the noise at the signals the image holds
            for (double signal : new double[] {0.05, 0.3, 0.8}) {
                assertEquals(truth.stdAt(signal), estimate.stdAt(signal), 0.15 * truth.stdAt(signal),
                        "noise std at signal " + signal + ": " + estimate + " vs " + truth);
            }
        }
    }

    /** The scene as a network sees 16-bit data: black at 0.2 (headroom map), shot noise above it. */
    @Test
    void withTheBlackLevelAboveZeroKeepingTheSlopeRecoversTheShotNoise() {
        float[] clean = cells(SIDE);
        double gain = 1 / 50.0;
        float[] offset = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            offset[i] = 0.2f + 0.6f * clean[i];
        }
        float[] noisy = new float[clean.length];
        SeededRandom random = new SeededRandom(3);
        for (int i = 0; i < clean.length; i++) { // variance gain * (x - 0.2): Poisson above the black level
            noisy[i] = (float) (offset[i] + Math.sqrt(gain * (offset[i] - 0.2)) * random.nextGaussian());
        }
        NoiseLevels kept = NoiseEstimator.poissonGaussianKeepingSlope(noisy, SIDE, SIDE);
        NoiseLevels throughZero = NoiseEstimator.poissonGaussian(noisy, SIDE, SIDE);
        assertEquals(Math.sqrt(gain), kept.shot(), 0.15 * Math.sqrt(gain), kept.toString());
        assertEquals(0, kept.read());
        assertTrue(throughZero.shot() < 0.85 * Math.sqrt(gain), "the line through 0 underestimates it: " + throughZero);
    }

    @Test
    void gaussianSigmaIsRecoveredOnPhotographsAndShotNoiseStaysNearZero() {
        Img<UnsignedByteType> camera = TestImages.camera();
        int width = (int) camera.dimension(0);
        int height = (int) camera.dimension(1);
        float[] clean = new float[width * height];
        int i = 0;
        for (UnsignedByteType pixel : camera) {
            clean[i++] = pixel.get() / 255f;
        }
        for (double sigma255 : new double[] {10, 25, 50}) {
            double sigma = sigma255 / 255;
            float[] noisy = addNoise(clean, new GaussianNoise(sigma), 3);
            NoiseLevels gaussian = NoiseEstimator.gaussian(noisy, width, height);
            assertEquals(sigma, gaussian.read(), 0.12 * sigma, "sigma " + sigma255);
            NoiseLevels fitted = NoiseEstimator.poissonGaussian(noisy, width, height);
            assertEquals(sigma, fitted.stdAt(0.5), 0.15 * sigma, "fitted std at mid-gray for sigma " + sigma255 + ": " + fitted);
        }
    }

    /**
     * Why both estimators exist (see {@link NoiseEstimator}'s class comment): on a flat sky they
     * measure the same sigma; on a textured photograph the neighbour differences of {@link
     * NoiseLevel} also see the image's gradients, which the diagonal details cancel.
     */
    @Test
    void bothEstimatorsAgreeOnAFlatSkyAndTheBlockDetailsAreLessBiasedByTexture() {
        Img<FloatType> sky = GroundTruthScene.starField(1, SIDE, 1e4).gaussianNoisy(10, 1);
        double neighbours = NoiseLevel.sigma(sky);
        double blocks = NoiseEstimator.gaussian(pixels(sky), SIDE, SIDE).read();
        assertEquals(10, neighbours, 0.6);
        assertEquals(neighbours, blocks, 0.01 * neighbours, "the same quantity on a flat background");

        Img<UnsignedByteType> camera = TestImages.camera();
        int width = (int) camera.dimension(0);
        int height = (int) camera.dimension(1);
        float[] noisy = addNoise(pixels(camera), new GaussianNoise(10), 3);
        double neighbourError = Math.abs(NoiseLevel.sigma(ArrayImgs.floats(noisy, width, height)) - 10);
        double blockError = Math.abs(NoiseEstimator.gaussian(noisy, width, height).read() - 10);
        assertTrue(blockError < 0.7 * neighbourError, "on a photograph: block details off by " + blockError
                + ", neighbour differences by " + neighbourError);
    }

    @Test
    void nonFinitePixelsAreIgnoredAndAFlatImageHasNoNoise() {
        float[] flat = new float[64 * 64];
        java.util.Arrays.fill(flat, 0.4f);
        assertEquals(0, NoiseEstimator.poissonGaussian(flat, 64, 64).stdAt(0.4), 1e-9);
        float[] noisy = addNoise(cells(64), new GaussianNoise(0.05), 1);
        for (int y = 10; y < 30; y++) { // a masked region, as in a mosaic or a cut-out
            for (int x = 5; x < 40; x++) {
                noisy[y * 64 + x] = x % 2 == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
            }
        }
        NoiseLevels estimate = NoiseEstimator.gaussian(noisy, 64, 64);
        assertTrue(Double.isFinite(estimate.read()) && estimate.read() > 0.03 && estimate.read() < 0.07, estimate.toString());
    }

    /** Smooth background ramp with bright blobs, in [0,1]: the kind of scene fluorescence gives. */
    private static float[] cells(int side) {
        float[] image = new float[side * side];
        java.util.Random random = new java.util.Random(11);
        double[][] blobs = new double[side / 8][];
        for (int b = 0; b < blobs.length; b++) {
            blobs[b] = new double[] {random.nextDouble() * side, random.nextDouble() * side, 3 + random.nextDouble() * 10,
                0.2 + 0.7 * random.nextDouble()};
        }
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double value = 0.03 + 0.05 * x / side;
                for (double[] blob : blobs) {
                    double d2 = (x - blob[0]) * (x - blob[0]) + (y - blob[1]) * (y - blob[1]);
                    value += blob[3] * Math.exp(-d2 / (2 * blob[2] * blob[2]));
                }
                image[y * side + x] = (float) Math.min(value, 1);
            }
        }
        return image;
    }

    private static float[] pixels(Img<? extends RealType<?>> image) {
        float[] pixels = new float[(int) image.size()];
        int i = 0;
        for (RealType<?> pixel : Views.flatIterable(image)) {
            pixels[i++] = pixel.getRealFloat();
        }
        return pixels;
    }

    private static float[] addNoise(float[] clean, NoiseModel noise, long seed) {
        SeededRandom random = new SeededRandom(seed);
        float[] noisy = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            noisy[i] = noise.noisy(clean[i], random);
        }
        return noisy;
    }
}
