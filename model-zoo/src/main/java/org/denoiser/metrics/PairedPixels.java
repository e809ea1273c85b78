package org.denoiser.metrics;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/** Reads a reference and a test image of the same size in the same (flat, x fastest) order. */
final class PairedPixels {
    private PairedPixels() {
    }

    static void requireSameSize(RandomAccessibleInterval<?> reference,
            RandomAccessibleInterval<?> test) {
        if (!Intervals.equalDimensions(reference, test)) {
            throw new IllegalArgumentException("Reference " + Intervals.toString(reference)
                    + " and test " + Intervals.toString(test) + " images differ in size");
        }
    }

    static void requirePositiveRange(double dataRange) {
        if (!(dataRange > 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException("Data range must be finite and > 0, got " + dataRange);
        }
    }

    /** All pixels of {@code image} as doubles, row-major. */
    static double[] toArray(RandomAccessibleInterval<? extends RealType<?>> image) {
        long size = Intervals.numElements(image);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Image of " + size + " pixels is too large for one array");
        }
        double[] values = new double[(int) size];
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(image).cursor();
        for (int i = 0; cursor.hasNext(); i++) {
            values[i] = cursor.next().getRealDouble();
        }
        return values;
    }
}
