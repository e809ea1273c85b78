package org.denoiser.train;

import java.util.Random;
import org.denoiser.noise.PoissonGaussianNoise;
import org.denoiser.noise.SeededRandom;

/**
 * {@link PoissonGaussianRange} whose photon count starts above a zero level drawn per image from
 * [0, maxOffset]: variance {@code max(0, x - offset) / photons + read^2}, the result clamped to
 * [0,1] as the Denoiser clamps what it hands the network. This is camera noise as the 16/32-bit
 * headroom map presents it: the black level sits at about 0.2 of the range, a star field's sky
 * above it, and where the shot noise starts depends on the image, not on 0.
 */
public record OffsetPoissonGaussianRange(PoissonGaussianRange range, double maxOffset) implements NoiseModel {

    public OffsetPoissonGaussianRange {
        if (!(maxOffset >= 0 && maxOffset < 1)) {
            throw new IllegalArgumentException("the zero level must lie in [0,1), got up to " + maxOffset);
        }
    }

    @Override
    public float[] apply(float[] clean, Random random) {
        double photons = range.minPhotons() * Math.exp(random.nextDouble() * Math.log(range.maxPhotons() / range.minPhotons()));
        double read = range.minRead() + random.nextDouble() * (range.maxRead() - range.minRead());
        float offset = (float) (random.nextDouble() * maxOffset);
        PoissonGaussianNoise noise = new PoissonGaussianNoise(1 / photons, read);
        SeededRandom pixels = new SeededRandom(random.nextLong());
        float[] noisy = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            float zero = Math.min(clean[i], offset);
            noisy[i] = Math.max(0f, Math.min(1f, zero + noise.noisy(clean[i] - zero, pixels)));
        }
        return noisy;
    }

    @Override
    public String description() {
        return range.description() + ", counted from a zero level of 0.." + Numbers.plain(maxOffset)
                + " (per image), clamped to [0,1]";
    }
}
