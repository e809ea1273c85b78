package org.denoiser.metrics;

import java.util.Arrays;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Error where an image is brightest: the RMSE over the pixels whose reference value is among the
 * brightest {@code fraction} of all. Whole-image PSNR hides what happens to a star's or a cell's
 * core (a few pixels among millions); this does not.
 */
public final class BrightestPixels {
    private BrightestPixels() {
    }

    /**
     * @param fraction share of pixels to score, e.g. 0.001 for the brightest 0.1 % (at least one pixel)
     */
    public static double rmse(RandomAccessibleInterval<? extends RealType<?>> reference,
            RandomAccessibleInterval<? extends RealType<?>> test, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        PairedPixels.requireSameSize(reference, test);
        double[] ref = PairedPixels.toArray(reference);
        double[] values = PairedPixels.toArray(test);
        int count = (int) Math.max(1, Math.round(ref.length * fraction));
        double threshold = kthLargest(ref, count);
        double sum = 0;
        int scored = 0;
        for (int i = 0; i < ref.length; i++) {
            if (ref[i] >= threshold) { // ties at the threshold are all scored
                double d = values[i] - ref[i];
                sum += d * d;
                scored++;
            }
        }
        return Math.sqrt(sum / scored);
    }

    private static double kthLargest(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length - k];
    }
}
