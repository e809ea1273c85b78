package org.denoiser.tiling;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * One tile of a {@link TilingPlan}, in image coordinates of a zero-min plane.
 *
 * @param index position of the tile in the plan, 0-based
 * @param core the output pixels this tile is responsible for; the cores of a plan partition the
 *     image
 * @param input the pixels fed to the network: the core grown by the halo on every side and then
 *     on the right/bottom to a multiple of the plan's {@code multiple}; may reach outside the
 *     image (those pixels are mirrored)
 */
public record Tile(int index, FinalInterval core, FinalInterval input) {

    public int inputWidth() {
        return (int) input.dimension(0);
    }

    public int inputHeight() {
        return (int) input.dimension(1);
    }

    /** Row-major position in the input tile array of image pixel (x, y). */
    int inputIndex(long x, long y) {
        return (int) ((y - input.min(1)) * input.dimension(0) + (x - input.min(0)));
    }

    static FinalInterval interval2d(long minX, long minY, long maxX, long maxY) {
        return new FinalInterval(new long[] {minX, minY}, new long[] {maxX, maxY});
    }

    static String describe(Interval interval) {
        return "[" + interval.min(0) + ".." + interval.max(0) + "] x [" + interval.min(1) + ".."
                + interval.max(1) + "]";
    }

    @Override
    public String toString() {
        return "Tile " + index + " core " + describe(core) + " input " + describe(input);
    }
}
