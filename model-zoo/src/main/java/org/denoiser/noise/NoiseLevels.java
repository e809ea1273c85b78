package org.denoiser.noise;

import java.util.Locale;

/**
 * The noise of an image as two standard deviations, in the image's units: the noise variance at
 * signal {@code x} is {@code shot^2 * x + read^2}. Gaussian noise has {@code shot == 0} and
 * {@code read == sigma}; Poisson-Gaussian camera noise with gain g (units per photon) has
 * {@code shot == sqrt(g)}.
 */
public record NoiseLevels(double shot, double read) {

    public NoiseLevels {
        if (!(shot >= 0) || !(read >= 0) || Double.isInfinite(shot) || Double.isInfinite(read)) {
            throw new IllegalArgumentException("noise levels must be finite and >= 0, got shot " + shot + ", read " + read);
        }
    }

    /** Both levels times {@code factor}: a "strength" above 1 asks for more smoothing, below 1 for less. */
    public NoiseLevels times(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("strength must be finite and >= 0, got " + factor);
        }
        return new NoiseLevels(shot * factor, read * factor);
    }

    /** The noise standard deviation at signal {@code x} (signals below 0 count as 0). */
    public double stdAt(double x) {
        return Math.sqrt(shot * shot * Math.max(x, 0) + read * read);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "shot %.4g, read %.4g", shot, read);
    }
}
