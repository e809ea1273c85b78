package org.denoiser.testimages.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Noise-free telescope frame with a high dynamic range, in expected electrons: a flat sky, a
 * galaxy with a cuspy bulge (a Sérsic n = 4 core on an exponential disk), isolated stars from
 * barely detectable to bright, and a few "saturated-looking" stars whose peak is the frame's
 * maximum. Unlike {@link AstronomyScene}, every object is isolated and listed, so aperture
 * photometry has a right answer.
 */
public final class BrightSkyScene {

    /** Sky level in electrons per pixel. */
    public static final double SKY = 100;
    /** Gaussian PSF width of ordinary stars, in pixels (FWHM 3.8 px). */
    private static final double STAR_SIGMA = 1.6;
    /** Bright stars look bloated in real frames; a wider PSF gives them more bright pixels. */
    private static final double BRIGHT_STAR_SIGMA = 2.5;
    private static final int BRIGHT_STARS = 3;
    /** Peaks of ordinary stars: from about 6x the sky noise of a 10 e- read-noise frame to 3000 e-. */
    private static final double FAINTEST_PEAK = 60;
    private static final double BRIGHTEST_ORDINARY_PEAK = 3000;
    /** Grid cell per star, so that no two apertures overlap. */
    private static final int CELL = 40;
    private static final double SERSIC_B4 = 7.669;

    private BrightSkyScene() {
    }

    /**
     * @param side image width and height, at least 160 px (the galaxy needs the middle)
     * @param starPeak peak of the brightest stars, in electrons (e.g. 1e4; 1e7 gives 1e5:1 over the sky)
     * @param galaxyPeak peak of the galaxy's bulge, in electrons
     */
    public static PlacedSources render(SplittableRandom random, int side, double starPeak, double galaxyPeak) {
        if (side < 160) {
            throw new IllegalArgumentException("the bright-sky scene needs at least 160 x 160 pixels, got " + side);
        }
        if (!(starPeak > BRIGHTEST_ORDINARY_PEAK) || !(galaxyPeak > 0)) {
            throw new IllegalArgumentException("star peak must exceed " + BRIGHTEST_ORDINARY_PEAK
                    + " and galaxy peak be > 0, got " + starPeak + " and " + galaxyPeak);
        }
        float[] electrons = new float[side * side];
        Plane plane = new Plane(electrons, 0, side, side);
        Arrays.fill(electrons, (float) SKY);
        List<KnownSource> sources = new ArrayList<>();
        double centre = side / 2.0;
        double galaxyReach = addGalaxy(plane, centre, centre, galaxyPeak);
        List<double[]> spots = freeCells(random, side, centre, galaxyReach);
        for (int i = 0; i < spots.size(); i++) {
            double[] at = spots.get(i);
            boolean bright = i >= spots.size() - BRIGHT_STARS;
            double sigma = bright ? BRIGHT_STAR_SIGMA : STAR_SIGMA;
            double peak = bright ? starPeak
                    : FAINTEST_PEAK * Math.pow(BRIGHTEST_ORDINARY_PEAK / FAINTEST_PEAK, random.nextDouble());
            Spots.addGaussian(plane, at[0], at[1], sigma, peak);
            sources.add(KnownSource.withAperture(at[0], at[1], Math.ceil(3 * sigma)));
        }
        sources.add(new KnownSource(centre, centre, galaxyReach, galaxyReach + 4, galaxyReach + 12));
        return new PlacedSources(electrons, side, side, sources);
    }

    /**
     * A face-on galaxy: a de Vaucouleurs bulge (effective radius 5 px) whose centre reaches
     * {@code peak}, on an exponential disk (scale 10 px, 3 % of the peak in the middle).
     *
     * @return the radius that holds nearly all of its light
     */
    private static double addGalaxy(Plane plane, double cx, double cy, double peak) {
        double effectiveRadius = 5;
        double diskScale = 10;
        double reach = 4 * diskScale;
        for (int y = (int) (cy - reach); y <= (int) (cy + reach); y++) {
            for (int x = (int) (cx - reach); x <= (int) (cx + reach); x++) {
                double r = Math.hypot(x - cx, y - cy);
                if (r > reach) {
                    continue;
                }
                double bulge = Math.exp(-SERSIC_B4 * Math.pow(r / effectiveRadius, 0.25));
                double disk = 0.03 * Math.exp(-r / diskScale);
                plane.add(x, y, peak * (bulge + disk));
            }
        }
        return reach;
    }

    /** One jittered position per grid cell away from the galaxy and the borders, in random order. */
    private static List<double[]> freeCells(SplittableRandom random, int side, double centre, double galaxyReach) {
        List<double[]> cells = new ArrayList<>();
        for (int gy = 0; (gy + 1) * CELL <= side; gy++) {
            for (int gx = 0; (gx + 1) * CELL <= side; gx++) {
                double x = gx * CELL + CELL / 2.0 + Ranges.uniform(random, -3, 3);
                double y = gy * CELL + CELL / 2.0 + Ranges.uniform(random, -3, 3);
                boolean clearOfGalaxy = Math.hypot(x - centre, y - centre) > galaxyReach + 16 + CELL / 2.0;
                if (clearOfGalaxy && KnownSource.withAperture(x, y, 8).fitsIn(side, side)) {
                    cells.add(new double[] {x, y});
                }
            }
        }
        for (int i = cells.size() - 1; i > 0; i--) { // Fisher-Yates, so the bright stars land anywhere
            int j = random.nextInt(i + 1);
            double[] swap = cells.get(i);
            cells.set(i, cells.get(j));
            cells.set(j, swap);
        }
        return cells;
    }
}
