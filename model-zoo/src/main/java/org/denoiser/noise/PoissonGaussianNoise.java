package org.denoiser.noise;

/**
 * Camera noise: photon shot noise plus read noise,
 * {@code gain * Poisson(max(value, 0) / gain) + N(0, readNoise^2)}.
 *
 * <p>Units: {@code value} and the result are in image units (e.g. grey levels or ADU);
 * {@code gain} is image units per detected photon (electron), so {@code value / gain} is the
 * expected photon count and smaller gains mean more photons and less relative noise;
 * {@code readNoise} is the standard deviation of the read-out noise in image units. The variance
 * at a clean value {@code x} is {@code gain * x + readNoise^2}. Negative values count as zero
 * photons.
 */
public record PoissonGaussianNoise(double gain, double readNoise) implements NoiseModel {

    public PoissonGaussianNoise {
        if (!(gain > 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException("Poisson gain must be finite and > 0, got " + gain);
        }
        if (!(readNoise >= 0) || Double.isInfinite(readNoise)) {
            throw new IllegalArgumentException(
                    "Read noise must be finite and >= 0, got " + readNoise);
        }
    }

    @Override
    public float noisy(float value, SeededRandom random) {
        long photons = PoissonSampler.sample(Math.max(value, 0) / gain, random);
        return (float) (gain * photons + readNoise * random.nextGaussian());
    }

    @Override
    public String describe() {
        return "poisson-gauss:" + NoiseModels.format(gain) + "," + NoiseModels.format(readNoise);
    }
}
