package org.denoiser.noise;

import java.util.Locale;
import org.denoiser.testimages.noise.PoissonSampler;

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

    /**
     * Most photons simulated in one pixel. A camera pixel holds about 1e5; far more means the gain
     * was mistyped (e.g. 1e-17 on 8-bit data), and past about 1e18 the counts would not even fit
     * a {@code long}, which used to give a dark image instead of an error.
     */
    static final double MAX_PHOTONS = 1e9;

    public PoissonGaussianNoise {
        NoiseModels.requireLevel("Poisson gain", gain, false);
        NoiseModels.requireLevel("Read noise", readNoise, true);
    }

    /**
     * @throws IllegalArgumentException when {@code value / gain} is over {@link #MAX_PHOTONS}: the
     *     gain does not fit the data, and the message says so
     */
    @Override
    public float noisy(float value, SeededRandom random) {
        double meanPhotons = Math.max(value, 0) / gain;
        if (meanPhotons > MAX_PHOTONS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "noise %s does not fit the image: a pixel of value %s would hold %.3g photons, more than the %s "
                            + "simulated (a camera pixel holds about 1e5); use a larger gain", describe(),
                    NoiseModels.format(value), meanPhotons, NoiseModels.format(MAX_PHOTONS)));
        }
        long photons = PoissonSampler.sample(meanPhotons, random::nextDouble);
        return (float) (gain * photons + readNoise * random.nextGaussian());
    }

    @Override
    public String describe() {
        return "poisson-gauss:" + NoiseModels.format(gain) + "," + NoiseModels.format(readNoise);
    }
}
