package org.denoiser.testimages.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Noise-free widefield fluorescence time-lapse, in expected photo-electrons per pixel: round
 * cells (Gaussian blobs) and thin curved filaments that drift a fraction of a pixel per frame and
 * slowly bleach, over a dim autofluorescence background that is darker towards the corners.
 */
public final class FluorescenceScene {

    /** Autofluorescence at the image centre, in electrons. */
    public static final double BACKGROUND_ELECTRONS = 10;
    /** Per-frame fraction of fluorophores that survive; a slow exponential bleach. */
    private static final double BLEACH_PER_FRAME = 0.995;
    /** Spacing of the points that draw a filament; well below its width so it looks continuous. */
    private static final double FILAMENT_STEP = 0.5;

    private record Cell(double x, double y, double vx, double vy, double sigma, double peak) {
    }

    private record Filament(double[] xs, double[] ys, double vx, double vy, double sigma,
                            double peakPerPoint) {
    }

    private FluorescenceScene() {
    }

    /**
     * Renders the scene with axes (x, y, t), flattened with x fastest.
     *
     * @return {@code width * height * frames} expected electron counts
     */
    public static float[] render(SplittableRandom random, int width, int height, int frames) {
        List<Cell> cells = placeCells(random, width, height);
        List<Filament> filaments = placeFilaments(random, width, height);
        int planeSize = width * height;
        float[] electrons = new float[planeSize * frames];
        for (int t = 0; t < frames; t++) {
            Plane plane = new Plane(electrons, t * planeSize, width, height);
            double bleach = Math.pow(BLEACH_PER_FRAME, t);
            addBackground(plane);
            for (Cell c : cells) {
                Spots.addGaussian(plane, c.x + c.vx * t, c.y + c.vy * t, c.sigma, c.peak * bleach);
            }
            for (Filament f : filaments) {
                for (int i = 0; i < f.xs.length; i++) {
                    Spots.addGaussian(plane, f.xs[i] + f.vx * t, f.ys[i] + f.vy * t, f.sigma,
                            f.peakPerPoint * bleach);
                }
            }
        }
        return electrons;
    }

    private static void addBackground(Plane plane) {
        double cx = (plane.width() - 1) / 2.0;
        double cy = (plane.height() - 1) / 2.0;
        double maxRadiusSq = cx * cx + cy * cy + 1;
        for (int y = 0; y < plane.height(); y++) {
            for (int x = 0; x < plane.width(); x++) {
                // Uneven illumination, as in a real widefield field of view.
                double rSq = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / maxRadiusSq;
                plane.add(x, y, BACKGROUND_ELECTRONS * (1 - 0.3 * rSq));
            }
        }
    }

    private static List<Cell> placeCells(SplittableRandom random, int width, int height) {
        int count = Ranges.countFor(width, height, 2500, 3);
        List<Cell> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double angle = Ranges.uniform(random, 0, 2 * Math.PI);
            double speed = Ranges.uniform(random, 0.1, 0.6);
            cells.add(new Cell(
                    Ranges.uniform(random, 0, width), Ranges.uniform(random, 0, height),
                    speed * Math.cos(angle), speed * Math.sin(angle),
                    Ranges.uniform(random, 2.5, 6), Ranges.uniform(random, 300, 1500)));
        }
        return cells;
    }

    private static List<Filament> placeFilaments(SplittableRandom random, int width, int height) {
        int count = Ranges.countFor(width, height, 6000, 2);
        List<Filament> filaments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double length = Math.max(10, Ranges.uniform(random, 0.3, 0.8) * Math.min(width, height));
            int points = (int) Math.ceil(length / FILAMENT_STEP);
            double[] xs = new double[points];
            double[] ys = new double[points];
            traceCurve(random, Ranges.uniform(random, 0, width), Ranges.uniform(random, 0, height), xs, ys);
            double sigma = Ranges.uniform(random, 1.0, 1.5);
            double linePeak = Ranges.uniform(random, 150, 600);
            // Overlapping points sum to about peak * sqrt(2 pi) * sigma / step across the line.
            double peakPerPoint = linePeak * FILAMENT_STEP / (Math.sqrt(2 * Math.PI) * sigma);
            double angle = Ranges.uniform(random, 0, 2 * Math.PI);
            double speed = Ranges.uniform(random, 0.05, 0.3);
            filaments.add(new Filament(xs, ys, speed * Math.cos(angle), speed * Math.sin(angle),
                    sigma, peakPerPoint));
        }
        return filaments;
    }

    /** A smooth random curve: the heading turns with a curvature that itself wanders. */
    private static void traceCurve(SplittableRandom random, double x, double y, double[] xs, double[] ys) {
        double heading = Ranges.uniform(random, 0, 2 * Math.PI);
        double curvature = Ranges.uniform(random, -0.03, 0.03);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x;
            ys[i] = y;
            curvature = Math.max(-0.08, Math.min(0.08, curvature + 0.004 * random.nextGaussian()));
            heading += curvature * FILAMENT_STEP;
            x += FILAMENT_STEP * Math.cos(heading);
            y += FILAMENT_STEP * Math.sin(heading);
        }
    }
}
