package org.denoiser.testimages.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PoissonSamplerTest {

    /** Enough draws to see a bias of 0.02 counts at the Knuth/PTRS switch. */
    private static final int DRAWS = 1_000_000;

    /** Means on both sides of the Knuth/PTRS switch, including far above it. */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 2.0, 9.99, 10.0, 37.5, 1000.0, 250_000.0})
    void meanAndVarianceEqualTheParameter(double mean) {
        SplittableRandom random = new SplittableRandom(42);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            long k = PoissonSampler.sample(mean, random);
            assertTrue(k >= 0);
            sum += k;
            sumSq += (double) k * k;
        }
        double sampleMean = sum / DRAWS;
        double sampleVariance = sumSq / DRAWS - sampleMean * sampleMean;
        // Standard error of the mean is sqrt(mean / DRAWS); allow 5 of them.
        assertEquals(mean, sampleMean, 5 * Math.sqrt(mean / DRAWS), "mean");
        // The variance estimate has relative standard error ~ sqrt(2 / DRAWS) (+ 1/mean for small means).
        assertEquals(mean, sampleVariance, mean * 5 * Math.sqrt((2 + 1 / mean) / DRAWS), "variance");
    }

    /** The shape, not only two moments: frequencies of single values against the exact pmf. */
    @ParameterizedTest
    @ValueSource(doubles = {3.0, 25.0})
    void frequenciesMatchTheProbabilityMassFunction(double mean) {
        SplittableRandom random = new SplittableRandom(7);
        int[] counts = new int[(int) (3 * mean) + 1];
        for (int i = 0; i < DRAWS; i++) {
            long k = PoissonSampler.sample(mean, random);
            if (k < counts.length) {
                counts[(int) k]++;
            }
        }
        for (int k = 0; k < counts.length; k++) {
            double p = Math.exp(-mean + k * Math.log(mean) - LogFactorial.of(k));
            double expected = p * DRAWS;
            assertEquals(expected, counts[k], 5 * Math.sqrt(expected) + 2, "count of k=" + k);
        }
    }

    @Test
    void sameSeedGivesSameDraws() {
        SplittableRandom a = new SplittableRandom(99);
        SplittableRandom b = new SplittableRandom(99);
        for (int i = 0; i < 1000; i++) {
            double mean = i % 50;
            assertEquals(PoissonSampler.sample(mean, a), PoissonSampler.sample(mean, b));
        }
    }

    @Test
    void zeroMeanGivesZeroAndBadMeansAreRejected() {
        SplittableRandom random = new SplittableRandom(1);
        assertEquals(0, PoissonSampler.sample(0, random));
        assertThrows(IllegalArgumentException.class, () -> PoissonSampler.sample(-1, random));
        assertThrows(IllegalArgumentException.class, () -> PoissonSampler.sample(Double.NaN, random));
        assertThrows(IllegalArgumentException.class, () -> PoissonSampler.sample(Double.POSITIVE_INFINITY, random));
    }

    @Test
    void logFactorialIsExactInTableAndAccurateAboveIt() {
        assertEquals(Math.log(120), LogFactorial.of(5), 1e-12);
        // Above the table Stirling's series must continue the running sum seamlessly.
        double sum = LogFactorial.of(255);
        for (int k = 256; k <= 1000; k++) {
            sum += Math.log(k);
            assertEquals(sum, LogFactorial.of(k), 1e-9 * sum, "ln(" + k + "!)");
        }
    }
}
