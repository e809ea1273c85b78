package org.denoiser.testimages.noise;

import java.util.SplittableRandom;

/**
 * A photon-counting camera: each pixel collects a Poisson number of photo-electrons, the
 * electronics multiply them by a gain, add a fixed offset (bias) and Gaussian read noise.
 *
 * <p>For an expected signal {@code s = gain * electrons} above the offset, a reading has mean
 * {@code offset + s} and variance {@code gain * s + readNoise^2}: the Poisson-Gaussian model of
 * microscope and telescope detectors.
 *
 * @param gain       output units (ADU, "counts") per electron, {@code > 0}
 * @param readNoise  standard deviation of the read noise in output units, {@code >= 0}
 * @param offset     constant bias added to every reading, in output units
 */
public record CameraModel(double gain, double readNoise, double offset) {

    public CameraModel {
        if (!(gain > 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException("camera gain must be finite and > 0, got " + gain);
        }
        if (!(readNoise >= 0) || Double.isInfinite(readNoise)) {
            throw new IllegalArgumentException("read noise must be finite and >= 0, got " + readNoise);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("camera offset must be finite, got " + offset);
        }
    }

    /** The noise-free reading for a given expected number of electrons. */
    public double expectedReading(double electrons) {
        return offset + gain * electrons;
    }

    /** One noisy reading (not rounded or clipped) for a given expected number of electrons. */
    public double noisyReading(double electrons, SplittableRandom random) {
        long counted = PoissonSampler.sample(electrons, random);
        return offset + gain * counted + readNoise * random.nextGaussian();
    }
}
