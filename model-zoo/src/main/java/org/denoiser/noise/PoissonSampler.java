package org.denoiser.noise;

/**
 * Exact Poisson samples for any mean: Knuth's multiplication method below a mean of 10, where it
 * is fast, and Hörmann's transformed rejection (PTRS, 1993, as in NumPy) above, which takes
 * constant time however large the mean.
 */
final class PoissonSampler {
    private static final double SMALL_MEAN = 10;
    private static final double[] LOG_FACTORIAL_TABLE = logFactorials(64);

    private PoissonSampler() {
    }

    static long sample(double mean, SeededRandom random) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("Poisson mean must be finite and >= 0, got " + mean);
        }
        return mean < SMALL_MEAN ? multiplication(mean, random) : transformedRejection(mean, random);
    }

    private static long multiplication(double mean, SeededRandom random) {
        double limit = Math.exp(-mean);
        long k = 0;
        double product = random.nextDouble();
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    private static long transformedRejection(double mean, SeededRandom random) {
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double logAcceptance = Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b);
            if (logAcceptance <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }

    /** ln(k!): a table for small k, Stirling's series (error below 1e-13) above. */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL_TABLE.length) {
            return LOG_FACTORIAL_TABLE[(int) k];
        }
        double x = k;
        double inverse = 1 / x;
        double inverseSquared = inverse * inverse;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x)
                + inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared / 1260));
    }

    private static double[] logFactorials(int size) {
        double[] table = new double[size];
        for (int k = 1; k < size; k++) {
            table[k] = table[k - 1] + Math.log(k);
        }
        return table;
    }
}
