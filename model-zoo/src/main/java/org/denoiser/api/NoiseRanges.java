package org.denoiser.api;

/**
 * The noise a model was trained to remove, as its {@code model.json} states it (the {@code noise}
 * object), in the network's units (after the model's normalization, full scale 1). Noise of
 * variance {@code shot^2 * x + read^2} at signal {@code x}: Gaussian noise is the case {@code shot
 * = 0, read = sigma}. Outside these ranges the model was never tested.
 *
 * @param kind {@link #GAUSSIAN} (then {@code sigma} is set) or {@link #POISSON_GAUSSIAN} (then
 *     {@code shot} and {@code read} are set)
 * @param sigma Gaussian standard deviations trained on, or {@code null}
 * @param shot shot-noise standard deviations at full scale (1 / sqrt(photons at full scale)), or {@code null}
 * @param read read-noise standard deviations, or {@code null}
 */
public record NoiseRanges(String kind, Range sigma, Range shot, Range read) {
    public static final String GAUSSIAN = "gaussian";
    public static final String POISSON_GAUSSIAN = "poisson-gaussian";

    public NoiseRanges {
        boolean gaussian = GAUSSIAN.equals(kind) && sigma != null && shot == null && read == null;
        boolean poissonGaussian = POISSON_GAUSSIAN.equals(kind) && sigma == null && shot != null && read != null;
        if (!gaussian && !poissonGaussian) {
            throw new IllegalArgumentException("noise is " + GAUSSIAN + " with a sigma range or " + POISSON_GAUSSIAN
                    + " with shot and read ranges, got kind " + kind);
        }
    }

    public static NoiseRanges gaussian(double minSigma, double maxSigma) {
        return new NoiseRanges(GAUSSIAN, new Range(minSigma, maxSigma), null, null);
    }

    public static NoiseRanges poissonGaussian(Range shot, Range read) {
        return new NoiseRanges(POISSON_GAUSSIAN, null, shot, read);
    }

    /** One line for listings, e.g. {@code poisson-gaussian, shot 0.0316..0.7071, read 0..0.05 (network units)}. */
    public String summary() {
        String ranges = sigma != null ? "sigma " + sigma.summary() : "shot " + shot.summary() + ", read " + read.summary();
        return kind + ", " + ranges + " (network units)";
    }

    /** A closed interval of noise standard deviations, both ends finite and >= 0. */
    public record Range(double min, double max) {
        public Range {
            if (!(min >= 0 && max >= min && Double.isFinite(max))) {
                throw new IllegalArgumentException("a noise range needs finite 0 <= min <= max, got " + min + ".." + max);
            }
        }

        String summary() {
            return ModelNormalization.number(min) + ".." + ModelNormalization.number(max);
        }
    }
}
