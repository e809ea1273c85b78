package org.denoiser.train;

import java.util.Arrays;
import java.util.Random;
import org.denoiser.noise.PoissonGaussianNoise;
import org.denoiser.noise.SeededRandom;

/**
 * Camera noise as the Denoiser's 16/32-bit headroom map presents it to the network. That map
 * caps its span at 50 noise sigmas, so the noise at an image's typical level is never below
 * {@link #MIN_SIGMA} of the network's range, and in any frame with bright sources (a star field's
 * sky) it is exactly that. So the level is drawn as the noise std at the patch's median,
 * {@code sigma}: half the patches near the floor (0.012..0.025, the star-field case), the others
 * up to 0.25. Part {@code f} of the variance there is shot noise, counted from a zero level
 * below the median, the rest read noise:
 * {@code var(x) = sigma^2 * ((1 - f) + f * max(0, x - zero) / (median - zero))}. The result is
 * clamped to [0,1], as the Denoiser clamps what it hands the network.
 *
 * <p>A first fine-tune drew photon counts blindly instead (2..1000 at full scale, any zero level):
 * its star fields were mostly far noisier than the map ever makes them, and it learned to flatten
 * faint stars (flux biased by 35 %; MODELS.md, "Bright sources and flat fields").
 */
public record MappedCameraNoise(double maxSigma) implements NoiseModel {

    /** 0.6 of the range over 50 noise sigmas: {@code Normalizations.MAX_SPAN_IN_NOISE_SIGMAS}. */
    static final double MIN_SIGMA = 0.012;
    private static final double FLOOR_BAND = 0.025;
    /** The black level of the headroom map: the zero level lies between it (or 0) and the median. */
    private static final double MAX_ZERO = 0.2;
    /** Some shot noise always: a gain of 0 is no camera, and tiny gains would mean 1e9 photons. */
    private static final double MIN_SHOT = 0.05;

    public MappedCameraNoise {
        if (!(maxSigma > FLOOR_BAND && maxSigma < 1)) {
            throw new IllegalArgumentException("need " + FLOOR_BAND + " < max sigma < 1, got " + maxSigma);
        }
    }

    @Override
    public float[] apply(float[] clean, Random random) {
        double top = random.nextBoolean() ? FLOOR_BAND : maxSigma;
        double sigma = MIN_SIGMA * Math.exp(random.nextDouble() * Math.log(top / MIN_SIGMA));
        double shotFraction = MIN_SHOT + (1 - MIN_SHOT) * random.nextDouble();
        float median = median(clean);
        float zero = (float) (random.nextDouble() * Math.min(MAX_ZERO, 0.9 * median));
        double countedSpan = Math.max(median - zero, 1e-3);
        double gain = shotFraction * sigma * sigma / countedSpan; // variance per unit of signal above the zero level
        PoissonGaussianNoise noise = new PoissonGaussianNoise(gain, sigma * Math.sqrt(1 - shotFraction));
        SeededRandom pixels = new SeededRandom(random.nextLong());
        float[] noisy = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            float below = Math.min(clean[i], zero);
            noisy[i] = Math.max(0f, Math.min(1f, below + noise.noisy(clean[i] - below, pixels)));
        }
        return noisy;
    }

    private static float median(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Override
    public String description() {
        return "camera noise under the 16/32-bit headroom map: std at the median level " + MIN_SIGMA + ".."
                + Numbers.plain(maxSigma) + " (log-uniform; half the images below " + FLOOR_BAND
                + "), shot part 0.05..1 from a zero level below the median, clamped to [0,1]";
    }
}
