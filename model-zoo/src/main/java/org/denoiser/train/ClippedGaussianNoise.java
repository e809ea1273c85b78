package org.denoiser.train;

import java.util.Random;
import org.denoiser.api.NoiseRanges;

/** The Keras example's noise: {@code clip(clean + factor * N(0,1), 0, 1)}. */
public record ClippedGaussianNoise(float factor) implements NoiseModel {

    public ClippedGaussianNoise {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("noise factor must be >= 0, got " + factor);
        }
    }

    @Override
    public float[] apply(float[] clean, Random random) {
        float[] noisy = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            float value = clean[i] + factor * (float) random.nextGaussian();
            noisy[i] = Math.min(1f, Math.max(0f, value));
        }
        return noisy;
    }

    /** The std before clipping (the description says it is clipped). */
    @Override
    public NoiseRanges ranges() {
        return NoiseRanges.gaussian(factor, factor);
    }

    @Override
    public String description() {
        return "clip(clean + " + factor + " * N(0,1), 0, 1)";
    }
}
