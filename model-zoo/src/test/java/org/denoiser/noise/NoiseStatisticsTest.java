package org.denoiser.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;

/**
 * Noise statistics on flat 256x256 images (N = 65536). Tolerances are four standard errors of
 * the estimate: sigma/sqrt(N) for a mean, about variance*sqrt(2/N) for a variance. The seeds are
 * fixed, so the tests are deterministic, yet a wrong variance or a biased sampler fails them.
 */
class NoiseStatisticsTest {
    private static final int N = 256 * 256;

    @Test
    void gaussianHasTheRequestedMeanAndVariance() {
        float[] noisy = noisyFlat(new GaussianNoise(10), 100, 1);
        assertEquals(100, mean(noisy), 4 * 10 / Math.sqrt(N));
        assertEquals(100, variance(noisy), 4 * 100 * Math.sqrt(2.0 / N));
    }

    @Test
    void poissonGaussianVarianceIsGainTimesValuePlusReadNoiseSquared() {
        float[] noisy = noisyFlat(new PoissonGaussianNoise(2, 3), 50, 2);
        double expectedVariance = 2 * 50 + 3 * 3;
        assertEquals(50, mean(noisy), 4 * Math.sqrt(expectedVariance / N));
        assertEquals(expectedVariance, variance(noisy), 4 * expectedVariance * Math.sqrt(2.0 / N));
    }

    @Test
    void poissonIsCorrectForASmallMean() {
        float[] noisy = noisyFlat(new PoissonGaussianNoise(1, 0), 0.5f, 3);
        assertEquals(0.5, mean(noisy), 4 * Math.sqrt(0.5 / N));
        assertEquals(0.5, variance(noisy), 4 * 0.5 * Math.sqrt(3.0 / N)); // kurtosis adds 1/mean
        assertEquals(Math.exp(-0.5), fractionEqualTo(noisy, 0), 0.005); // P(0) = e^-mean
    }

    @Test
    void poissonIsCorrectJustAboveTheSwitchToRejectionSampling() {
        float[] noisy = noisyFlat(new PoissonGaussianNoise(1, 0), 15, 4);
        double logFactorial15 = 0;
        for (int k = 2; k <= 15; k++) {
            logFactorial15 += Math.log(k);
        }
        double pmf15 = Math.exp(-15 + 15 * Math.log(15) - logFactorial15);
        assertEquals(pmf15, fractionEqualTo(noisy, 15), 0.005);
        assertEquals(15, mean(noisy), 4 * Math.sqrt(15.0 / N));
        assertEquals(15, variance(noisy), 4 * 15 * Math.sqrt(2.0 / N));
    }

    @Test
    void poissonIsCorrectForALargeMean() {
        float[] noisy = noisyFlat(new PoissonGaussianNoise(1, 0), 10_000, 5);
        assertEquals(10_000, mean(noisy), 4 * 100 / Math.sqrt(N));
        assertEquals(10_000, variance(noisy), 4 * 10_000 * Math.sqrt(2.0 / N));
        for (float v : noisy) {
            assertEquals(Math.rint(v), v, 0, "photon counts are whole numbers");
        }
    }

    @Test
    void saltAndPepperReplacesTheRequestedFractionEvenly() {
        float[] noisy = noisyFlat(new SaltAndPepperNoise(0.1, 0, 255), 100, 6);
        double tolerance = 4 * Math.sqrt(0.05 * 0.95 / N);
        assertEquals(0.05, fractionEqualTo(noisy, 0), tolerance);
        assertEquals(0.05, fractionEqualTo(noisy, 255), tolerance);
        assertEquals(0.9, fractionEqualTo(noisy, 100), 4 * Math.sqrt(0.1 * 0.9 / N));
    }

    @Test
    void sameSeedGivesTheSameImageAndAnotherSeedAnotherOne() {
        for (NoiseModel model : new NoiseModel[] {new GaussianNoise(5),
                new PoissonGaussianNoise(0.5, 1), new SaltAndPepperNoise(0.2, 0, 1)}) {
            float[] a = noisyFlat(model, 40, 42);
            float[] b = noisyFlat(model, 40, 42);
            float[] c = noisyFlat(model, 40, 43);
            assertArrayEquals(a, b, model.describe());
            assertFalse(Arrays.equals(a, c), model.describe());
        }
    }

    @Test
    void nonFinitePixelsAreLeftAlone() {
        float[] pixels = {1, Float.NaN, Float.POSITIVE_INFINITY, 2};
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(pixels, 4);
        new GaussianNoise(3).apply(img, 7);
        assertTrue(Float.isNaN(pixels[1]));
        assertEquals(Float.POSITIVE_INFINITY, pixels[2]);
        assertTrue(pixels[0] != 1 && pixels[3] != 2, "finite pixels get noise");
    }

    private static float[] noisyFlat(NoiseModel model, float value, long seed) {
        float[] pixels = new float[N];
        Arrays.fill(pixels, value);
        model.apply(ArrayImgs.floats(pixels, 256, 256), seed);
        return pixels;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(float[] values) {
        double mean = mean(values);
        double sum = 0;
        for (float v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }

    private static double fractionEqualTo(float[] values, float target) {
        long count = 0;
        for (float v : values) {
            count += v == target ? 1 : 0;
        }
        return count / (double) values.length;
    }
}
