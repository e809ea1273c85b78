package org.denoiser.metrics;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Peak signal-to-noise ratio, {@code 10 log10(dataRange^2 / MSE)} in dB, with the MSE taken over
 * every pixel of images of any dimensionality (a stack gives one value for the whole stack).
 * Identical images give {@code +Infinity}; a NaN pixel gives NaN.
 */
public final class Psnr {
    private Psnr() {
    }

    public static double compute(RandomAccessibleInterval<? extends RealType<?>> reference,
            RandomAccessibleInterval<? extends RealType<?>> test, double dataRange) {
        PairedPixels.requirePositiveRange(dataRange);
        return fromMse(meanSquaredError(reference, test, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY), dataRange);
    }

    /**
     * The data range for PSNR on images without a natural one (16-bit, float): the clean
     * reference's max - min over its finite values, or 1 for a flat image, as {@code denoiser eval}
     * reports 16/32-bit results.
     */
    public static double dataRangeOf(RandomAccessibleInterval<? extends RealType<?>> reference) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (RealType<?> p : Views.iterable(reference)) {
            double value = p.getRealDouble();
            if (Double.isFinite(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return max > min ? max - min : 1;
    }

    /** PSNR of two row-major images of the same length, e.g. training batches. */
    public static double compute(float[] reference, float[] test, double dataRange) {
        if (reference.length != test.length || reference.length == 0) {
            throw new IllegalArgumentException("PSNR needs two non-empty images of the same size, got "
                    + reference.length + " and " + test.length + " values");
        }
        return compute(ArrayImgs.floats(reference, reference.length), ArrayImgs.floats(test, test.length), dataRange);
    }

    /**
     * PSNR as published for DnCNN, FFDNet and BM3D on BSD68/Set12: data range 255, and the
     * denoised image clipped to [0, 255] first (the reference is a clean 8-bit image, already in
     * range). The test image is not rounded to integers; rounding, as when the result is saved as
     * 8-bit, changes the value by about 0.01 dB.
     */
    public static double psnr8bit(RandomAccessibleInterval<? extends RealType<?>> reference,
            RandomAccessibleInterval<? extends RealType<?>> test) {
        return fromMse(meanSquaredError(reference, test, 0, 255), 255);
    }

    private static double fromMse(double mse, double dataRange) {
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(dataRange * dataRange / mse);
    }

    private static double meanSquaredError(RandomAccessibleInterval<? extends RealType<?>> reference,
            RandomAccessibleInterval<? extends RealType<?>> test, double clipLow, double clipHigh) {
        PairedPixels.requireSameSize(reference, test);
        Cursor<? extends RealType<?>> r = Views.flatIterable(reference).cursor();
        Cursor<? extends RealType<?>> t = Views.flatIterable(test).cursor();
        double sum = 0;
        long count = 0;
        while (r.hasNext()) {
            double clipped = Math.min(clipHigh, Math.max(clipLow, t.next().getRealDouble()));
            double difference = r.next().getRealDouble() - clipped;
            sum += difference * difference;
            count++;
        }
        return sum / count;
    }
}
