package org.denoiser.classical;

/**
 * The generalized Anscombe transform for Poisson-Gaussian noise {@code z = alpha * p + n}, with
 * {@code p} Poisson and {@code n} Gaussian of mean {@code offset} and std {@code sigma}: it makes
 * the noise approximately Gaussian with unit variance. Its inverse is the closed-form
 * approximation of the exact unbiased inverse (Makitalo and Foi, "A closed-form approximation of
 * the exact unbiased inverse of the Anscombe variance-stabilizing transformation", IEEE TIP 2011;
 * "Optimal inversion of the generalized Anscombe transformation for Poisson-Gaussian noise", IEEE
 * TIP 2013): it returns the expected value of the signal given a denoised transformed value,
 * where the algebraic inverse would be biased low at small counts.
 *
 * @param alpha  gain (the Poisson part's scale), {@code > 0}
 * @param sigma  std of the Gaussian part, {@code >= 0}, in the data's units
 * @param offset mean of the Gaussian part, in the data's units
 */
public record GeneralizedAnscombe(double alpha, double sigma, double offset) {
    /** The transform of a zero count without read noise; smaller denoised values are clamped to it. */
    private static final double SMALLEST = 2 * Math.sqrt(3.0 / 8);
    private static final double ROOT_3_2 = Math.sqrt(1.5);

    public GeneralizedAnscombe {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("the Anscombe transform needs a finite gain > 0, got " + alpha);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("the Anscombe transform needs a finite sigma >= 0 and offset, got "
                    + sigma + " and " + offset);
        }
    }

    public double forward(double z) {
        double relativeSigma = sigma / alpha;
        return 2 * Math.sqrt(Math.max(0, (z - offset) / alpha + 3.0 / 8 + relativeSigma * relativeSigma));
    }

    /** The closed-form exact unbiased inverse: the mean signal whose transform averages to {@code d}. */
    public double inverse(double d) {
        double relativeSigma = sigma / alpha;
        double x = Math.max(d, SMALLEST);
        double counts = x * x / 4 + ROOT_3_2 / (4 * x) - 11 / (8 * x * x) + 5 * ROOT_3_2 / (8 * x * x * x) - 1.0 / 8
                - relativeSigma * relativeSigma;
        return Math.max(0, counts) * alpha + offset;
    }

    float[] forward(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) forward(values[i]);
        }
        return out;
    }

    float[] inverse(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) inverse(values[i]);
        }
        return out;
    }
}
