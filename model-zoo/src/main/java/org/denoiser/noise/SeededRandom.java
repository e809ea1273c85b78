package org.denoiser.noise;

/**
 * A small random generator whose output is fixed forever by its seed: SplitMix64 for uniform
 * numbers and Box-Muller for Gaussian ones. The JDK's generators may change algorithm between
 * versions (and {@code SplittableRandom.nextGaussian} is unspecified), which would silently change
 * noisy training and test data; this one cannot. Not thread-safe: one per thread.
 */
public final class SeededRandom {
    private long state;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    public SeededRandom(long seed) {
        state = seed;
    }

    public long nextLong() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal: mean 0, variance 1. */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double radius = Math.sqrt(-2 * Math.log(1 - nextDouble())); // 1 - u avoids log(0)
        double angle = 2 * Math.PI * nextDouble();
        spareGaussian = radius * Math.sin(angle);
        hasSpareGaussian = true;
        return radius * Math.cos(angle);
    }
}
