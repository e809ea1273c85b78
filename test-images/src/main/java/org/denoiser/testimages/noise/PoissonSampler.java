package org.denoiser.testimages.noise;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Exact Poisson random numbers for any mean.
 *
 * <p>Small means use Knuth's product-of-uniforms method, whose cost grows with the mean. Large means
 * use Hörmann's PTRS transformed rejection ("The transformed rejection method for generating
 * Poisson random variables", 1993), which costs about the same for every mean and, unlike a normal
 * approximation, keeps the skew and integer nature of the distribution. The split at 10 is the
 * one Hörmann recommends and NumPy uses. The draws come from any source of uniform numbers, so
 * the test stacks (a {@link SplittableRandom}) and the core library's noise models (its own
 * seeded generator) share this one sampler.
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
        return sample(mean, random::nextDouble);
    }

    /**
     * Draws one Poisson-distributed count from uniform numbers in [0, 1).
     *
     * @param mean expected count, finite and {@code >= 0}
     * @param uniform uniform numbers in [0, 1); none are taken for a mean of 0
     * @return a count {@code >= 0}
     * @throws IllegalArgumentException if {@code mean} is negative, NaN or infinite
     */
    public static long sample(double mean, DoubleSupplier uniform) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("Poisson mean must be finite and >= 0, got " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        return mean < PTRS_THRESHOLD ? knuth(mean, uniform) : ptrs(mean, uniform);
    }

    private static long knuth(double mean, DoubleSupplier uniform) {
        double limit = Math.exp(-mean);
        long count = 0;
        double product = uniform.getAsDouble();
        while (product > limit) {
            count++;
            product *= uniform.getAsDouble();
        }
        return count;
    }

    private static long ptrs(double mean, DoubleSupplier uniform) {
        double sqrtMean = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * sqrtMean;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double acceptBox = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = uniform.getAsDouble() - 0.5;
            double v = uniform.getAsDouble();
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
