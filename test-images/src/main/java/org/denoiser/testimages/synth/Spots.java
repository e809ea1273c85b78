package org.denoiser.testimages.synth;

/** Point-like light sources drawn additively onto a plane, clipped at its borders. */
final class Spots {

    private Spots() {
    }

    /** Adds {@code peak * exp(-r^2 / (2 sigma^2))} around (cx, cy), out to 3.5 sigma. */
    static void addGaussian(Plane plane, double cx, double cy, double sigma, double peak) {
        int reach = (int) Math.ceil(3.5 * sigma);
        int x0 = Math.max(0, (int) Math.floor(cx) - reach);
        int x1 = Math.min(plane.width() - 1, (int) Math.floor(cx) + reach + 1);
        int y0 = Math.max(0, (int) Math.floor(cy) - reach);
        int y1 = Math.min(plane.height() - 1, (int) Math.floor(cy) + reach + 1);
        if (x0 > x1 || y0 > y1) {
            return;
        }
        // The Gaussian is separable: one exp per column and per row instead of per pixel.
        double twoSigmaSq = 2 * sigma * sigma;
        double[] alongX = new double[x1 - x0 + 1];
        for (int x = x0; x <= x1; x++) {
            alongX[x - x0] = Math.exp(-(x - cx) * (x - cx) / twoSigmaSq);
        }
        for (int y = y0; y <= y1; y++) {
            double rowPeak = peak * Math.exp(-(y - cy) * (y - cy) / twoSigmaSq);
            for (int x = x0; x <= x1; x++) {
                plane.add(x, y, rowPeak * alongX[x - x0]);
            }
        }
    }

    /**
     * Adds a star of total flux {@code flux} with a Moffat profile, the usual model of a
     * seeing-limited telescope PSF (wider wings than a Gaussian). Drawn out to where it falls
     * below {@code floor}, so bright stars get the large halos they have in real frames.
     */
    static void addMoffat(Plane plane, double cx, double cy, double fwhm, double beta, double flux,
                          double floor) {
        double alpha = fwhm / (2 * Math.sqrt(Math.pow(2, 1 / beta) - 1));
        double alphaSq = alpha * alpha;
        double peak = flux * (beta - 1) / (Math.PI * alphaSq);
        double radius = alpha * Math.sqrt(Math.max(0, Math.pow(peak / floor, 1 / beta) - 1));
        int reach = (int) Math.ceil(Math.min(Math.max(radius, 2), 128));
        int x0 = Math.max(0, (int) Math.floor(cx) - reach);
        int x1 = Math.min(plane.width() - 1, (int) Math.floor(cx) + reach + 1);
        int y0 = Math.max(0, (int) Math.floor(cy) - reach);
        int y1 = Math.min(plane.height() - 1, (int) Math.floor(cy) + reach + 1);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double rSq = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                plane.add(x, y, peak * Math.pow(1 + rSq / alphaSq, -beta));
            }
        }
    }
}
