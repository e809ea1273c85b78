package org.denoiser.testimages.noise;

import java.util.SplittableRandom;

/**
 * Exact Poisson random numbers for any mean.
 *
 * <p>Small means use Knuth's product-of-uniforms method, whose cost grows with the mean. Large means
 * use Hörmann's PTRS transformed rejection ("The transformed rejection method for generating
 * Poisson random variables", 1993), which costs about the same for every mean and, unlike a normal
 * approximation, keeps the skew and integer nature of the distribution. The split at 10 is the
 * one Hörmann recommends and NumPy uses.
 */
public final class PoissonSampler {

    /** Means below this use Knuth's method, at or above it PTRS. */
    static final double PTRS_THRESHOLD = 10.0;

    private PoissonSampler() {
    }

    /**
     * Draws one Poisson-distributed count.
     *
     * @param mean expected count, finite and {@code >= 0}
     * @param random source of randomness; the result depends only on its state
     * @return a count {@code >= 0}
     * @throws IllegalArgumentException if {@code mean} is negative, NaN or infinite
     */
    public static long sample(double mean, SplittableRandom random) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("Poisson mean must be finite and >= 0, got " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        return mean < PTRS_THRESHOLD ? knuth(mean, random) : ptrs(mean, random);
    }

    private static long knuth(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        long count = 0;
        double product = random.nextDouble();
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private static long ptrs(double mean, SplittableRandom random) {
        double sqrtMean = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * sqrtMean;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double acceptBox = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            // Fast acceptance inside the box where the hat is known to lie under the density.
            if (us >= 0.07 && v <= acceptBox) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double logHat = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
            if (logHat <= -mean + k * logMean - LogFactorial.of(k)) {
                return k;
            }
        }
    }
}
