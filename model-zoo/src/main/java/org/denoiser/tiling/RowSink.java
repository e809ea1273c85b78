package org.denoiser.tiling;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Where a {@link Tiler} writes the network's output for a tile's core, one row segment at a
 * time; coordinates are relative to the plane's min. Tiles of one plan have disjoint cores, so
 * several threads may write different tiles into one sink when it is backed by arrays.
 */
@FunctionalInterface
public interface RowSink {
    /** Stores {@code src[offset .. offset + length - 1]} as pixels {@code x ..} of row {@code y}. */
    void write(long x, long y, float[] src, int offset, int length);

    /** Stores the values as they are. */
    static RowSink of(RandomAccessibleInterval<FloatType> plane) {
        PlaneRows rows = PlaneRows.of(plane);
        return (x, y, src, offset, length) -> {
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = src[offset + i];
            }
            rows.set(x, y, values, length);
        };
    }
}
