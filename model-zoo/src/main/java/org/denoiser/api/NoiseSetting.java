package org.denoiser.api;

import java.util.Locale;

/**
 * What a noise-level-conditioned model is told about the noise. By default the level is estimated
 * from each image plane (so the model stays blind) and passed on as it is; {@code strength} scales
 * it (above 1: smoother, below 1: more detail kept), and {@code sigma}, when given, replaces the
 * estimate by Gaussian noise of that standard deviation in the image's own units (e.g. 25 for an
 * 8-bit image with sigma 25). Blind models accept only the default.
 *
 * @param strength factor on the noise level, {@link #MIN_STRENGTH}..{@link #MAX_STRENGTH}
 * @param sigma Gaussian noise std in image units, or NaN to estimate the level from the image
 */
public record NoiseSetting(double strength, double sigma) {
    public static final double MIN_STRENGTH = 0.05;
    public static final double MAX_STRENGTH = 10;
    /** Estimated level, strength 1. */
    public static final NoiseSetting DEFAULT = new NoiseSetting(1, Double.NaN);

    public NoiseSetting {
        if (!(strength >= MIN_STRENGTH && strength <= MAX_STRENGTH)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "strength must be a number from %s to %s, got %s", MIN_STRENGTH, MAX_STRENGTH, strength));
        }
        if (!Double.isNaN(sigma) && !(sigma >= 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("sigma must be a finite number >= 0 (in the image's units), got " + sigma);
        }
    }

    public static NoiseSetting strength(double strength) {
        return new NoiseSetting(strength, Double.NaN);
    }

    /** This setting with the noise given as a Gaussian std in image units instead of estimated. */
    public NoiseSetting withSigma(double imageSigma) {
        return new NoiseSetting(strength, imageSigma);
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    public boolean estimated() {
        return Double.isNaN(sigma);
    }

    /**
     * Parses a strength as a user typed it (CLI option, record header, macro): one line naming the
     * problem on anything that is not a plain number in range.
     */
    public static NoiseSetting parseStrength(String text) {
        try {
            return strength(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strength must be a number from " + MIN_STRENGTH + " to " + MAX_STRENGTH
                    + ", got '" + shown(text) + "'", e);
        }
    }

    /** Untrusted text as it may appear in a one-line message: short, control characters replaced. */
    private static String shown(String text) {
        String clipped = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return clipped.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
