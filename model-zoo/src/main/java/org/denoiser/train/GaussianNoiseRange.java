package org.denoiser.train;

import java.util.Locale;
import java.util.Random;
import org.denoiser.api.NoiseRanges;

/**
 * Additive Gaussian noise, not clipped (the DnCNN protocol), with a level drawn uniformly from
 * [min, max] for every image: "blind" training, so one model handles any level in the range.
 * Levels are given on the 8-bit scale (sigma 25 means 25/255 on [0,1] data).
 */
public record GaussianNoiseRange(double minSigma255, double maxSigma255) implements NoiseModel {

    public GaussianNoiseRange {
        if (!(minSigma255 >= 0) || !(maxSigma255 >= minSigma255)) {
            throw new IllegalArgumentException("need 0 <= min sigma <= max sigma, got " + minSigma255 + ", " + maxSigma255);
        }
    }

    /** A fixed level, e.g. for validation. */
    public static GaussianNoiseRange fixed(double sigma255) {
        return new GaussianNoiseRange(sigma255, sigma255);
    }

    @Override
    public float[] apply(float[] clean, Random random) {
        double sigma = (minSigma255 + random.nextDouble() * (maxSigma255 - minSigma255)) / 255.0;
        float[] noisy = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            noisy[i] = (float) (clean[i] + sigma * random.nextGaussian());
        }
        return noisy;
    }

    @Override
    public NoiseRanges ranges() {
        return NoiseRanges.gaussian(minSigma255 / 255.0, maxSigma255 / 255.0);
    }

    @Override
    public String description() {
        if (minSigma255 == maxSigma255) {
            return String.format(Locale.ROOT, "Gaussian sigma %s (of 255)", Numbers.plain(minSigma255));
        }
        return String.format(Locale.ROOT, "blind Gaussian, sigma uniform in %s..%s (of 255) per patch",
                Numbers.plain(minSigma255), Numbers.plain(maxSigma255));
    }
}
