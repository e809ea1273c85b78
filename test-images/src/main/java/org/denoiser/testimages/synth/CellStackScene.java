package org.denoiser.testimages.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Noise-free two-channel confocal z-stack of cells, in expected photo-electrons: channel 0 holds
 * the nuclei (bright, flat-topped ellipsoids), channel 1 the cell membranes (thin shells around
 * each nucleus). Slices are twice as far apart as pixels, so objects look flatter along z.
 */
public final class CellStackScene {

    public static final int CHANNELS = 2;
    /** Dim uniform background per channel (autofluorescence, out-of-focus light), in electrons. */
    private static final double[] BACKGROUND = {8, 15};
    /** z step in units of the xy pixel size. */
    private static final double SLICE_SPACING = 2.0;
    /** Cell radius as a multiple of its nucleus radius. */
    private static final double CELL_TO_NUCLEUS = 1.9;
    /** Membrane thickness (Gaussian sigma) in pixels. */
    private static final double MEMBRANE_SIGMA = 1.0;

    private CellStackScene() {
    }

    /**
     * Renders axes (x, y, c, z) with {@code c} in {0, 1}, flattened with x fastest.
     *
     * @return {@code width * height * 2 * slices} expected electron counts
     */
    public static float[] render(SplittableRandom random, int width, int height, int slices) {
        int planeSize = width * height;
        float[] electrons = new float[planeSize * CHANNELS * slices];
        for (int z = 0; z < slices; z++) {
            for (int c = 0; c < CHANNELS; c++) {
                Arrays.fill(electrons, (z * CHANNELS + c) * planeSize, (z * CHANNELS + c + 1) * planeSize,
                        (float) BACKGROUND[c]);
            }
        }
        int cells = Ranges.countFor(width, height, 2500, 2);
        for (int i = 0; i < cells; i++) {
            drawCell(random, electrons, width, height, slices);
        }
        return electrons;
    }

    private static void drawCell(SplittableRandom random, float[] electrons, int width, int height, int slices) {
        double cx = Ranges.uniform(random, 0, width);
        double cy = Ranges.uniform(random, 0, height);
        double cz = Ranges.uniform(random, 0, slices - 1);
        double nucleusRadius = Ranges.uniform(random, 5, 9);
        double nucleusPeak = Ranges.uniform(random, 400, 1200);
        double membranePeak = Ranges.uniform(random, 150, 400);
        double cellRadius = CELL_TO_NUCLEUS * nucleusRadius;
        int reach = (int) Math.ceil(cellRadius + 4 * MEMBRANE_SIGMA);
        for (int z = 0; z < slices; z++) {
            double dz = (z - cz) * SLICE_SPACING;
            for (int y = Math.max(0, (int) cy - reach); y <= Math.min(height - 1, (int) cy + reach); y++) {
                for (int x = Math.max(0, (int) cx - reach); x <= Math.min(width - 1, (int) cx + reach); x++) {
                    double r = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy) + dz * dz);
                    int index = x + width * (y + height * (z * CHANNELS));
                    // Logistic edge: a flat-topped nucleus with a soft, ~1 px wide border.
                    electrons[index] += (float) (nucleusPeak / (1 + Math.exp((r - nucleusRadius) * 1.5)));
                    double fromMembrane = (r - cellRadius) / MEMBRANE_SIGMA;
                    electrons[index + width * height] += (float) (membranePeak * Math.exp(-0.5 * fromMembrane * fromMembrane));
                }
            }
        }
    }
}
