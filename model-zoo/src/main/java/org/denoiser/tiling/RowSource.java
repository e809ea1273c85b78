package org.denoiser.tiling;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The pixels a {@link Tiler} feeds to the network, read one row segment at a time so a tile is
 * filled with a few bulk copies rather than a call per pixel. Coordinates are relative to the
 * plane's min; the Tiler only asks for pixels inside the plane and extends the border itself.
 */
public interface RowSource {
    long width();

    long height();

    /** Copies pixels {@code x .. x + length - 1} of row {@code y} to {@code dst[offset ..]}. */
    void read(long x, long y, float[] dst, int offset, int length);

    /** Maps a pixel value to what the processor is given. */
    @FunctionalInterface
    interface Mapping {
        float apply(double value);
    }

    /** The plane's own values, as {@code float}. */
    static RowSource of(RandomAccessibleInterval<? extends RealType<?>> plane) {
        return of(plane, value -> (float) value);
    }

    /** The plane's values passed through {@code mapping}. */
    static RowSource of(RandomAccessibleInterval<? extends RealType<?>> plane, Mapping mapping) {
        PlaneRows rows = PlaneRows.of(plane);
        long width = plane.dimension(0);
        long height = plane.dimension(1);
        return new RowSource() {
            @Override
            public long width() {
                return width;
            }

            @Override
            public long height() {
                return height;
            }

            @Override
            public void read(long x, long y, float[] dst, int offset, int length) {
                double[] values = new double[length];
                rows.get(x, y, values, length);
                for (int i = 0; i < length; i++) {
                    dst[offset + i] = mapping.apply(values[i]);
                }
            }
        };
    }
}
