package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoissonGaussianRangeTest {

    @Test
    void fixedLevelHasTheVarianceOfShotPlusReadNoise() {
        float[] flat = new float[200_000];
        Arrays.fill(flat, 0.5f);
        float[] noisy = PoissonGaussianRange.fixed(20, 0.01).apply(flat, new Random(1));
        double mean = 0;
        for (float v : noisy) {
            mean += v;
        }
        mean /= noisy.length;
        double variance = Math.pow(TrainTestData.std(noisy), 2);
        // 0.5 of full scale at 20 photons: 10 photons, variance 10 / 20^2 = 0.025, plus 0.01^2.
        assertEquals(0.5, mean, 0.002);
        assertEquals(0.025 + 1e-4, variance, 0.001);
    }

    @Test
    void blindLevelsVaryFromImageToImage() {
        double[] range = TrainTestData.noiseLevelRange(new PoissonGaussianRange(2, 1000, 0, 0.05), 0.5f, 100, 2);
        // 1000 photons and no read noise: sigma 0.022; 2 photons: 0.5.
        assertTrue(range[0] < 0.05 && range[1] > 0.3, "noise levels seen " + range[0] + ".." + range[1]);
    }
}
