package org.denoiser.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.denoiser.testimages.noise.PoissonSampler;
import org.junit.jupiter.api.Test;

class GeneralizedAnscombeTest {
    private static final double GAIN = 2;
    private static final double READ = 3;
    private static final GeneralizedAnscombe VST = new GeneralizedAnscombe(GAIN, READ, 10);

    /** {@code GAIN * Poisson(counts) + N(10, READ^2)}, seeded. */
    private static double[] samples(double counts, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.Random gaussian = new java.util.Random(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = GAIN * PoissonSampler.sample(counts, random) + 10 + READ * gaussian.nextGaussian();
        }
        return z;
    }

    @Test
    void aNoiselessConstantComesBackClose() {
        for (double value : new double[] {50, 200, 1000}) {
            // The unbiased inverse expects the mean of noisy transforms, so a noiseless one comes
            // back about a quarter of a count (GAIN / 4) high.
            assertEquals(value + GAIN / 4, VST.inverse(VST.forward(value)), 0.05 * GAIN, "value " + value);
        }
    }

    @Test
    void theNoiseBecomesUnitStdAndTheInverseIsUnbiased() {
        for (double counts : new double[] {3, 10, 30, 100}) {
            double[] z = samples(counts, 200_000, (long) counts);
            double sum = 0;
            double squares = 0;
            for (double v : z) {
                double f = VST.forward(v);
                sum += f;
                squares += f * f;
            }
            double mean = sum / z.length;
            double std = Math.sqrt(squares / z.length - mean * mean);
            assertEquals(1, std, 0.1, "std of the transformed noise at " + counts + " counts");
            double truth = GAIN * counts + 10;
            double algebraic = (mean * mean / 4 - 3.0 / 8 - (READ / GAIN) * (READ / GAIN)) * GAIN + 10;
            double unbiased = VST.inverse(mean);
            assertEquals(truth, unbiased, 0.01 * truth, "unbiased inverse at " + counts + " counts");
            assertTrue(Math.abs(unbiased - truth) < Math.abs(algebraic - truth),
                    "at " + counts + " counts: unbiased " + unbiased + ", algebraic " + algebraic + ", truth " + truth);
        }
    }
}
