package org.denoiser.normalize;

import java.util.Arrays;
import net.imglib2.IterableInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;

/**
 * Percentiles of all finite pixels of an image or stack, streamed with histograms (nothing is
 * copied or sorted).
 *
 * <p>Integer types within 0..65535 (8- and 16-bit) are exact: one {@code long} count per value.
 * Other types take a min/max pass and then a histogram of 2^16 bins between them that also
 * keeps each bin's smallest and largest value; the result is interpolated between those, so it
 * is off by at most {@code (max - min) / 65536} (far below what a normalization notices) and
 * exact when each bin holds a single distinct value. NaN and ±Inf pixels are ignored.
 */
public final class Percentiles {
    private static final int EXACT_LIMIT = 65536;
    static final int FLOAT_BINS = 1 << 16;

    private Percentiles() {
    }

    /**
     * @param percents each in 0..100 (0 gives the minimum, 100 the maximum)
     * @return one value per percent, or all NaN if the image has no finite pixel
     */
    public static double[] of(IterableInterval<? extends RealType<?>> image, double... percents) {
        RealType<?> type = image.firstElement();
        boolean exact = type instanceof IntegerType
                && type.getMinValue() >= 0 && type.getMaxValue() < EXACT_LIMIT;
        return exact ? exactIntegers(image, percents) : binnedReals(image, percents);
    }

    private static double[] exactIntegers(IterableInterval<? extends RealType<?>> image,
            double[] percents) {
        LongHistogram histogram = new LongHistogram(EXACT_LIMIT);
        for (RealType<?> pixel : image) {
            histogram.add((int) pixel.getRealDouble());
        }
        double[] result = new double[percents.length];
        if (histogram.total() == 0) {
            Arrays.fill(result, Double.NaN);
            return result;
        }
        for (int i = 0; i < percents.length; i++) {
            result[i] = histogram.binOfRank(histogram.rankOfPercentile(percents[i]));
        }
        return result;
    }

    private static double[] binnedReals(IterableInterval<? extends RealType<?>> image,
            double[] percents) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (RealType<?> pixel : image) {
            double v = pixel.getRealDouble();
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[] result = new double[percents.length];
        if (min > max) {
            Arrays.fill(result, Double.NaN);
            return result;
        }
        double binWidth = (max - min) / FLOAT_BINS;
        LongHistogram histogram = new LongHistogram(FLOAT_BINS);
        double[] binMin = new double[FLOAT_BINS];
        double[] binMax = new double[FLOAT_BINS];
        Arrays.fill(binMin, Double.POSITIVE_INFINITY);
        Arrays.fill(binMax, Double.NEGATIVE_INFINITY);
        for (RealType<?> pixel : image) {
            double v = pixel.getRealDouble();
            if (Double.isFinite(v)) {
                int bin = binWidth == 0 ? 0 : (int) ((v - min) / binWidth);
                bin = Math.min(FLOAT_BINS - 1, bin); // max itself lands one past the end
                histogram.add(bin);
                binMin[bin] = Math.min(binMin[bin], v);
                binMax[bin] = Math.max(binMax[bin], v);
            }
        }
        for (int i = 0; i < percents.length; i++) {
            long rank = histogram.rankOfPercentile(percents[i]);
            int bin = histogram.binOfRank(rank);
            result[i] = interpolate(rank - histogram.countBelow(bin), histogram.count(bin),
                    binMin[bin], binMax[bin]);
        }
        return result;
    }

    /**
     * Value of the {@code rankInBin}-th of {@code count} values in a bin, assuming they are spread
     * evenly between the bin's smallest and largest value. Exact whenever a bin holds one
     * distinct value, as for integer-valued float images.
     */
    private static double interpolate(long rankInBin, long count, double lowest, double highest) {
        if (count == 1) {
            return lowest;
        }
        return lowest + (rankInBin - 1) / (double) (count - 1) * (highest - lowest);
    }
}
