package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded digit-like images (pen strokes and rings on a black background) that need no download,
 * so tests and smoke runs always work. Same 28x28 layout and 10% hold-out as {@link MnistDigits}.
 */
public final class SyntheticDigits implements DataSource {

    private static final int SIDE = MnistDigits.SIDE;
    private static final double PEN_RADIUS_MIN = 1.0;
    private static final double PEN_RADIUS_MAX = 2.0;
    private static final double MIN_STROKE_LENGTH = 9.0;

    private final int count;
    private final long seed;

    public SyntheticDigits(int count, long seed) {
        if (count < 10) {
            throw new IllegalArgumentException("need at least 10 synthetic images to hold some out, got " + count);
        }
        this.count = count;
        this.seed = seed;
    }

    @Override
    public DatasetSplit load() {
        Random random = new Random(seed);
        List<float[]> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(drawDigit(random));
        }
        int firstTest = count - count / 10;
        return new DatasetSplit(new ImageSet(SIDE, SIDE, images.subList(0, firstTest)),
                new ImageSet(SIDE, SIDE, images.subList(firstTest, count)));
    }

    @Override
    public String description() {
        return "synthetic strokes and rings, " + count + " images, seed " + seed;
    }

    private static float[] drawDigit(Random random) {
        float[] image = new float[SIDE * SIDE];
        double pen = PEN_RADIUS_MIN + random.nextDouble() * (PEN_RADIUS_MAX - PEN_RADIUS_MIN);
        if (random.nextBoolean()) {
            drawRing(image, random, pen);
        }
        int strokes = 1 + random.nextInt(3);
        for (int s = 0; s < strokes; s++) {
            drawStroke(image, random, pen);
        }
        return image;
    }

    private static void drawStroke(float[] image, Random random, double pen) {
        double x0;
        double y0;
        double x1;
        double y1;
        // A stroke shorter than a third of the box would be a dot, not a pen stroke.
        do {
            x0 = 6 + random.nextDouble() * 16;
            y0 = 4 + random.nextDouble() * 20;
            x1 = 6 + random.nextDouble() * 16;
            y1 = 4 + random.nextDouble() * 20;
        } while (Math.hypot(x1 - x0, y1 - y0) < MIN_STROKE_LENGTH);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                paint(image, x, y, distanceToSegment(x, y, x0, y0, x1, y1), pen);
            }
        }
    }

    private static void drawRing(float[] image, Random random, double pen) {
        double cx = 11 + random.nextDouble() * 6;
        double cy = 11 + random.nextDouble() * 6;
        double rx = 4 + random.nextDouble() * 5;
        double ry = 5 + random.nextDouble() * 5;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double dx = (x - cx) / rx;
                double dy = (y - cy) / ry;
                // Distance to an ellipse, approximated by the radial gap scaled by the mean radius.
                double distance = Math.abs(Math.hypot(dx, dy) - 1) * (rx + ry) / 2;
                paint(image, x, y, distance, pen);
            }
        }
    }

    /** Anti-aliased pen: full ink inside the pen radius, fading to nothing over one pixel. */
    private static void paint(float[] image, int x, int y, double distance, double pen) {
        double ink = Math.min(1, Math.max(0, pen + 0.5 - distance));
        int i = y * SIDE + x;
        image[i] = (float) Math.max(image[i], ink);
    }

    private static double distanceToSegment(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((px - x0) * dx + (py - y0) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
    }

    /** Whole digits on black: the network saw zeros beyond their edges. */
    @Override
    public String border() {
        return "zero";
    }
}
