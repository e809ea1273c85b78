package org.denoiser.testimages.noise;

/** {@code ln(k!)}, which Java's Math lacks; needed by the Poisson rejection test. */
final class LogFactorial {

    private static final int TABLE_SIZE = 256;
    private static final double[] TABLE = new double[TABLE_SIZE];

    static {
        double sum = 0;
        for (int k = 1; k < TABLE_SIZE; k++) {
            sum += Math.log(k);
            TABLE[k] = sum;
        }
    }

    private LogFactorial() {
    }

    /** Exact (table) below 256, Stirling's series above, where its error is below 1e-15 relative. */
    static double of(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("factorial of a negative number: " + k);
        }
        if (k < TABLE_SIZE) {
            return TABLE[(int) k];
        }
        double n = k + 1.0; // ln(k!) = lnGamma(k + 1)
        double inv = 1.0 / n;
        double inv2 = inv * inv;
        return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }
}
