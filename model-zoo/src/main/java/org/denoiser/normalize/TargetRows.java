package org.denoiser.normalize;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;
import org.denoiser.tiling.PlaneRows;

/**
 * Stores rows of image-unit values in a plane of its own pixel type: integer types are rounded
 * and clamped to their range (0..255, 0..65535), as {@code RealType.setReal} would not; NaN and
 * ±Inf in float planes are stored as they are.
 */
public final class TargetRows {
    private final PlaneRows rows;
    private final boolean integer;
    private final double min;
    private final double max;

    private TargetRows(PlaneRows rows, boolean integer, double min, double max) {
        this.rows = rows;
        this.integer = integer;
        this.min = min;
        this.max = max;
    }

    public static <T extends RealType<T>> TargetRows of(RandomAccessibleInterval<T> plane) {
        T type = Util.getTypeFromInterval(plane);
        return new TargetRows(PlaneRows.of(plane), type instanceof IntegerType, type.getMinValue(), type.getMaxValue());
    }

    /** Stores {@code values[0 .. length - 1]} as pixels {@code x ..} of row {@code y}; rounds them in place. */
    public void set(long x, long y, double[] values, int length) {
        if (integer) {
            for (int i = 0; i < length; i++) {
                values[i] = Math.max(min, Math.min(max, Math.rint(values[i])));
            }
        }
        rows.set(x, y, values, length);
    }
}
