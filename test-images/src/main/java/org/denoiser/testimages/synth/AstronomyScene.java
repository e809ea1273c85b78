package org.denoiser.testimages.synth;

import java.util.SplittableRandom;

/**
 * Noise-free telescope frame in expected photo-electrons per pixel: a sky background with a
 * slight gradient, many stars sharing one Moffat PSF with a power-law flux distribution (many
 * faint, few bright, as star counts are), and a few faint elongated galaxies.
 */
public final class AstronomyScene {

    /** Mean sky level, in electrons per pixel. */
    public static final double SKY_ELECTRONS = 150;
    /** Faintest star's total flux in electrons: its peak is about twice the sky noise. */
    private static final double FAINTEST_STAR = 300;
    /**
     * Slope of the cumulative counts N(>F) ~ F^-SLOPE. Galactic star counts rise about 0.3 dex
     * per magnitude, i.e. a slope near 0.75: a wide range from barely visible to near saturation.
     */
    private static final double COUNT_SLOPE = 0.75;
    private static final double BRIGHTEST_STAR = 5e6;
    private static final double MOFFAT_BETA = 3.0;

    private AstronomyScene() {
    }

    /** @return {@code width * height} expected electron counts, x fastest */
    public static float[] render(SplittableRandom random, int width, int height) {
        return render(random, width, height, BRIGHTEST_STAR);
    }

    /**
     * The same field with star fluxes capped at {@code brightestStar} electrons: the same random
     * draws, so only the stars above the cap change. A low cap gives a field without bright
     * stars, as one chooses for faint objects.
     *
     * @return {@code width * height} expected electron counts, x fastest
     */
    public static float[] render(SplittableRandom random, int width, int height, double brightestStar) {
        if (!(brightestStar > 0)) {
            throw new IllegalArgumentException("brightest star flux must be > 0, got " + brightestStar);
        }
        float[] electrons = new float[width * height];
        Plane plane = new Plane(electrons, 0, width, height);
        addSky(random, plane);
        addGalaxies(random, plane);
        addStars(random, plane, brightestStar);
        return electrons;
    }

    private static void addSky(SplittableRandom random, Plane plane) {
        double gradX = Ranges.uniform(random, -0.1, 0.1);
        double gradY = Ranges.uniform(random, -0.1, 0.1);
        for (int y = 0; y < plane.height(); y++) {
            for (int x = 0; x < plane.width(); x++) {
                double tilt = gradX * (x / (double) plane.width() - 0.5) + gradY * (y / (double) plane.height() - 0.5);
                plane.add(x, y, SKY_ELECTRONS * (1 + tilt));
            }
        }
    }

    private static void addStars(SplittableRandom random, Plane plane, double brightestStar) {
        double fwhm = Ranges.uniform(random, 2.0, 3.2);
        int count = Ranges.countFor(plane.width(), plane.height(), 250, 5);
        for (int i = 0; i < count; i++) {
            // Inverse of the power-law tail; 1 - u keeps the base away from zero.
            double flux = FAINTEST_STAR * Math.pow(1 - random.nextDouble(), -1 / COUNT_SLOPE);
            Spots.addMoffat(plane, Ranges.uniform(random, 0, plane.width()),
                    Ranges.uniform(random, 0, plane.height()), fwhm, MOFFAT_BETA,
                    Math.min(flux, brightestStar), 0.01);
        }
    }

    /** Exponential disks seen at an angle: elliptical isophotes with a random orientation. */
    private static void addGalaxies(SplittableRandom random, Plane plane) {
        int count = Ranges.countFor(plane.width(), plane.height(), 20000, 1);
        for (int i = 0; i < count; i++) {
            double cx = Ranges.uniform(random, 0, plane.width());
            double cy = Ranges.uniform(random, 0, plane.height());
            double scale = Ranges.uniform(random, 3, 10);
            double axisRatio = Ranges.uniform(random, 0.3, 1.0);
            double angle = Ranges.uniform(random, 0, Math.PI);
            double central = Ranges.uniform(random, 15, 60);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            int reach = (int) Math.ceil(7 * scale);
            for (int y = Math.max(0, (int) cy - reach); y <= Math.min(plane.height() - 1, (int) cy + reach); y++) {
                for (int x = Math.max(0, (int) cx - reach); x <= Math.min(plane.width() - 1, (int) cx + reach); x++) {
                    double along = (x - cx) * cos + (y - cy) * sin;
                    double across = (-(x - cx) * sin + (y - cy) * cos) / axisRatio;
                    plane.add(x, y, central * Math.exp(-Math.hypot(along, across) / scale));
                }
            }
        }
    }
}
