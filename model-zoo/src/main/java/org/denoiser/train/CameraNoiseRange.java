package org.denoiser.train;

import java.util.Locale;
import java.util.Random;
import org.denoiser.api.Conditioning;
import org.denoiser.api.NoiseRanges;
import org.denoiser.noise.PoissonGaussianNoise;
import org.denoiser.noise.SeededRandom;

/**
 * Noise for a model that is told the noise level: per image, either additive Gaussian (sigma
 * uniform in 0..{@code maxGaussianSigma}) or Poisson-Gaussian (photons at full scale log-uniform
 * in {@code minPhotons..maxPhotons}, read noise uniform in {@code minRead..maxRead}), on [0,1] data.
 *
 * <p>The levels a network gets are the two standard deviations that describe both kinds:
 * {@code shot} = sqrt(gain), the shot-noise std at full scale (0 for Gaussian noise), and
 * {@code read} = the signal-independent std (sigma for Gaussian noise). The noise variance at
 * signal x is then {@code shot^2 * x + read^2}, which is what an estimator fits on an image and
 * what a "strength" factor s scales (both stds times s).
 */
public record CameraNoiseRange(double gaussianFraction, double maxGaussianSigma, double minPhotons, double maxPhotons,
        double minRead, double maxRead) implements NoiseModel {

    public static final int LEVELS = 2;

    public CameraNoiseRange {
        if (!(gaussianFraction >= 0 && gaussianFraction <= 1) || !(maxGaussianSigma >= 0) || !(minPhotons > 0)
                || !(maxPhotons >= minPhotons) || !(minRead >= 0) || !(maxRead >= minRead)) {
            throw new IllegalArgumentException("need a Gaussian fraction in 0..1, sigma >= 0, 0 < min photons <= max"
                    + " photons and 0 <= min read <= max read");
        }
    }

    /** Poisson-Gaussian at one fixed level, e.g. for validation. */
    public static CameraNoiseRange fixedPoissonGaussian(double photons, double read) {
        return new CameraNoiseRange(0, 0, photons, photons, read, read);
    }

    @Override
    public int levelCount() {
        return LEVELS;
    }

    /** The levels the network saw: shot up to sqrt(1 / minPhotons), read up to the larger of both ranges. */
    @Override
    public Conditioning conditioning() {
        return new Conditioning(SavedModelExporter.NOISE_LEVEL, Conditioning.POISSON_GAUSSIAN_STD,
                Math.sqrt(1 / minPhotons), Math.max(gaussianFraction > 0 ? maxGaussianSigma : 0, maxRead));
    }

    /** Both kinds as one Poisson-Gaussian range: Gaussian images are those with shot 0. */
    @Override
    public NoiseRanges ranges() {
        boolean someGaussian = gaussianFraction > 0;
        Conditioning told = conditioning();
        return NoiseRanges.poissonGaussian(
                new NoiseRanges.Range(someGaussian ? 0 : Math.sqrt(1 / maxPhotons), told.maxShot()),
                new NoiseRanges.Range(someGaussian ? 0 : minRead, told.maxRead()));
    }

    @Override
    public float[] apply(float[] clean, Random random) {
        return applyWithLevels(clean, random).pixels();
    }

    @Override
    public NoisyImage applyWithLevels(float[] clean, Random random) {
        boolean gaussian = random.nextDouble() < gaussianFraction;
        double shot = 0;
        double read;
        if (gaussian) {
            read = random.nextDouble() * maxGaussianSigma;
        } else {
            double photons = minPhotons * Math.exp(random.nextDouble() * Math.log(maxPhotons / minPhotons));
            shot = Math.sqrt(1 / photons);
            read = minRead + random.nextDouble() * (maxRead - minRead);
        }
        SeededRandom pixels = new SeededRandom(random.nextLong());
        float[] noisy = new float[clean.length];
        if (gaussian) {
            for (int i = 0; i < clean.length; i++) {
                noisy[i] = (float) (clean[i] + read * pixels.nextGaussian());
            }
        } else {
            PoissonGaussianNoise noise = new PoissonGaussianNoise(shot * shot, read);
            for (int i = 0; i < clean.length; i++) {
                noisy[i] = noise.noisy(clean[i], pixels);
            }
        }
        return new NoisyImage(noisy, new float[] {(float) shot, (float) read});
    }

    @Override
    public String description() {
        if (gaussianFraction == 0 && minPhotons == maxPhotons && minRead == maxRead) {
            return String.format(Locale.ROOT, "Poisson-Gaussian: %s photons at full scale, read noise %s of full scale",
                    Numbers.plain(minPhotons), Numbers.plain(maxRead));
        }
        return String.format(Locale.ROOT, "per image: %s %% Gaussian with sigma 0..%s of full scale, else "
                + "Poisson-Gaussian with %s..%s photons at full scale (log-uniform) and read noise %s..%s; the network is "
                + "told the shot and read noise stds", Numbers.plain(100 * gaussianFraction), Numbers.plain(maxGaussianSigma),
                Numbers.plain(minPhotons), Numbers.plain(maxPhotons), Numbers.plain(minRead), Numbers.plain(maxRead));
    }
}
