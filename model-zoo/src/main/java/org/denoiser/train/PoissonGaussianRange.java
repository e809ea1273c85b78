package org.denoiser.train;

import java.util.Locale;
import java.util.Random;
import org.denoiser.api.NoiseRanges;
import org.denoiser.noise.PoissonGaussianNoise;
import org.denoiser.noise.SeededRandom;

/**
 * Blind camera noise on [0,1] data: shot noise with a photon count at full scale drawn
 * log-uniformly from [minPhotons, maxPhotons] per image (gain {@code 1/photons}), plus Gaussian
 * read noise with a level drawn uniformly from [minRead, maxRead] (of full scale). After percentile
 * normalization, 16-bit microscopy and 32-bit CCD frames look like this whatever their units.
 */
public record PoissonGaussianRange(double minPhotons, double maxPhotons, double minRead, double maxRead)
        implements NoiseModel {

    public PoissonGaussianRange {
        if (!(minPhotons > 0) || !(maxPhotons >= minPhotons) || !(minRead >= 0) || !(maxRead >= minRead)) {
            throw new IllegalArgumentException("need 0 < min photons <= max photons and 0 <= min read <= max read");
        }
    }

    /** One fixed level, e.g. for validation. */
    public static PoissonGaussianRange fixed(double photons, double read) {
        return new PoissonGaussianRange(photons, photons, read, read);
    }

    @Override
    public float[] apply(float[] clean, Random random) {
        double photons = minPhotons * Math.exp(random.nextDouble() * Math.log(maxPhotons / minPhotons));
        double read = minRead + random.nextDouble() * (maxRead - minRead);
        PoissonGaussianNoise noise = new PoissonGaussianNoise(1 / photons, read);
        SeededRandom pixels = new SeededRandom(random.nextLong());
        float[] noisy = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            noisy[i] = noise.noisy(clean[i], pixels);
        }
        return noisy;
    }

    /** Shot noise std at full scale is sqrt(gain) = 1 / sqrt(photons). */
    @Override
    public NoiseRanges ranges() {
        return NoiseRanges.poissonGaussian(new NoiseRanges.Range(Math.sqrt(1 / maxPhotons), Math.sqrt(1 / minPhotons)),
                new NoiseRanges.Range(minRead, maxRead));
    }

    @Override
    public String description() {
        if (minPhotons == maxPhotons && minRead == maxRead) {
            return String.format(Locale.ROOT, "Poisson-Gaussian: %s photons at full scale, read noise %s of full scale",
                    Numbers.plain(minPhotons), Numbers.plain(minRead));
        }
        return String.format(Locale.ROOT, "Poisson-Gaussian: %s..%s photons at full scale (log-uniform), "
                + "read noise %s..%s of full scale", Numbers.plain(minPhotons), Numbers.plain(maxPhotons), Numbers.plain(minRead), Numbers.plain(maxRead));
    }
}
