package org.denoiser.testimages.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Noise-free widefield fluorescence frame, in expected electrons: a dim background and isolated
 * round cells (Gaussian blobs) of ordinary brightness, plus a few very bright ones (strongly
 * labelled or in focus) that reach {@code brightPeak}, far above everything else, as in a
 * 16-bit frame exposed for the dim cells.
 */
public final class BrightCellsScene {

    /** Background autofluorescence, in electrons per pixel. */
    public static final double BACKGROUND = 10;
    private static final int BRIGHT_CELLS = 3;
    private static final int CELL = 40;

    private BrightCellsScene() {
    }

    /**
     * @param side image width and height, at least 80 px
     * @param brightPeak peak of the very bright cells in electrons (ordinary cells peak at 40..1500)
     */
    public static PlacedSources render(SplittableRandom random, int side, double brightPeak) {
        if (side < 80 || !(brightPeak > 1500)) {
            throw new IllegalArgumentException("need a side of at least 80 px and a bright peak above 1500 e-, got "
                    + side + " and " + brightPeak);
        }
        float[] electrons = new float[side * side];
        Arrays.fill(electrons, (float) BACKGROUND);
        Plane plane = new Plane(electrons, 0, side, side);
        List<KnownSource> cells = new ArrayList<>();
        int perRow = side / CELL;
        int count = perRow * perRow;
        for (int i = 0; i < count; i++) {
            double x = (i % perRow) * CELL + CELL / 2.0 + Ranges.uniform(random, -2, 2);
            double y = (i / perRow) * CELL + CELL / 2.0 + Ranges.uniform(random, -2, 2);
            double sigma = Ranges.uniform(random, 2.5, 4.5);
            double peak = Ranges.uniform(random, 40, 1500);
            cells.add(KnownSource.withAperture(x, y, Math.ceil(3 * sigma)));
            Spots.addGaussian(plane, x, y, sigma, peak);
        }
        return brighten(random, plane, cells, brightPeak);
    }

    private static PlacedSources brighten(SplittableRandom random, Plane plane, List<KnownSource> cells,
                                          double brightPeak) {
        List<KnownSource> ordered = new ArrayList<>(cells);
        for (int n = 0; n < BRIGHT_CELLS; n++) {
            // Drawn after all places and ordinary peaks, so those stay the same whatever brightPeak is.
            KnownSource cell = ordered.remove(random.nextInt(ordered.size()));
            // A second, brighter blob on the same spot: the cell's shape stays round.
            Spots.addGaussian(plane, cell.x(), cell.y(), (cell.apertureRadius() - 1) / 3, brightPeak);
            ordered.add(cell);
        }
        return new PlacedSources(plane.pixels(), plane.width(), plane.height(), ordered);
    }
}
