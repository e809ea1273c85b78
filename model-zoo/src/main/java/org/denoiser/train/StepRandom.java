package org.denoiser.train;

import java.util.Random;

/**
 * A random stream per (seed, step), so batch {@code n} can be drawn without drawing batches
 * 1..n-1 first. The SplitMix64 finaliser spreads neighbouring steps over unrelated seeds.
 */
final class StepRandom {

    private StepRandom() {
    }

    static Random forStep(long seed, long step) {
        return new Random(mix(seed * 0x9E3779B97F4A7C15L + step));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
