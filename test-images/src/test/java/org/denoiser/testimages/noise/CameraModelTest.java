package org.denoiser.testimages.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CameraModelTest {

    /** A flat region: mean = offset + signal, variance = gain * signal + read^2. */
    @ParameterizedTest
    @CsvSource({
            "2.0, 3.0, 100, 4",      // photon-starved: Knuth branch, read noise comparable to shot noise
            "2.0, 3.0, 100, 800",    // bright: PTRS branch, shot noise dominates
            "0.5, 10.0, 0, 50"})
    void flatRegionHasPoissonGaussianStatistics(double gain, double read, double offset, double electrons) {
        CameraModel camera = new CameraModel(gain, read, offset);
        SplittableRandom random = new SplittableRandom(2024);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double v = camera.noisyReading(electrons, random);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        double signal = gain * electrons;
        double expectedVariance = gain * signal + read * read;
        assertEquals(camera.expectedReading(electrons), mean, 5 * Math.sqrt(expectedVariance / n));
        assertEquals(offset + signal, camera.expectedReading(electrons), 1e-9);
        assertEquals(expectedVariance, variance, 0.03 * expectedVariance);
    }

    @Test
    void rejectsNonsenseParameters() {
        assertThrows(IllegalArgumentException.class, () -> new CameraModel(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CameraModel(1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CameraModel(1, 1, Double.NaN));
    }
}
