package org.denoiser.normalize;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * A robust estimate of an image's pixel noise: the median absolute difference of horizontal
 * neighbours, scaled to a Gaussian standard deviation ({@code 1.4826 / sqrt(2)}). Sources and
 * edges touch few neighbour pairs, so the median sees the noise of the flat majority (for
 * Poisson-Gaussian data, the noise at the typical, background level).
 *
 * <p>This is the estimate the 16/32-bit normalization caps its span with and the flux restoration
 * judges sources by (both measured with it, MODELS.md "Bright sources and flat fields"); it reads
 * any image or stack as it is, without a copy, exactly for integer data and over a 1e5:1 range.
 * Use it for the noise of a scientific image in its own units. For the level a noise-conditioned
 * model is told, use {@link org.denoiser.noise.NoiseEstimator}: it fits signal-dependent noise too
 * and is less biased by texture (its class comment compares the two).
 */
public final class NoiseLevel {
    /** MAD to standard deviation of a Gaussian, divided by sqrt(2) for a difference of two pixels. */
    private static final double MAD_TO_SIGMA_OF_DIFFERENCE = 1.4826 / Math.sqrt(2);
    /** Stacks above this many pixels are sampled by their first plane. */
    private static final long LARGE = 1L << 24;

    private NoiseLevel() {
    }

    /**
     * @return the estimated noise standard deviation in image units; 0 for an image narrower
     *     than 2 pixels, without finite pixels, or whose neighbours mostly agree exactly
     */
    public static double sigma(RandomAccessibleInterval<? extends RealType<?>> image) {
        if (image.dimension(0) < 2) {
            return 0;
        }
        RandomAccessibleInterval<? extends RealType<?>> sample = firstPlaneIfLarge(image);
        RandomAccessibleInterval<DoubleType> differences = absoluteDifferences(sample);
        // Percentiles of floats are binned between min and max; with a 1e5:1 image the bins are
        // far wider than the noise. Clamping everything above the first estimate's bin keeps the
        // median and shrinks the bins to a fraction of it.
        double coarse = Percentiles.of(differences, 50)[0];
        if (!Double.isFinite(coarse)) {
            return 0;
        }
        double bound = coarse + binWidth(differences);
        RandomAccessibleInterval<DoubleType> clamped = Converters.convert(differences,
                (in, out) -> out.set(Math.min(in.get(), bound)), new DoubleType());
        return Percentiles.of(clamped, 50)[0] * MAD_TO_SIGMA_OF_DIFFERENCE;
    }

    /** |right neighbour - pixel| over the image without its last column. */
    private static RandomAccessibleInterval<DoubleType> absoluteDifferences(
            RandomAccessibleInterval<? extends RealType<?>> image) {
        long[] min = image.minAsLongArray();
        long[] max = image.maxAsLongArray();
        max[0]--;
        RandomAccessibleInterval<? extends RealType<?>> left = Views.zeroMin(Views.interval(image, min, max));
        min[0]++;
        max[0]++;
        RandomAccessibleInterval<? extends RealType<?>> right = Views.zeroMin(Views.interval(image, min, max));
        return Converters.convert(left, right,
                (a, b, out) -> out.set(Math.abs(b.getRealDouble() - a.getRealDouble())), new DoubleType());
    }

    /** Upper bound of the error of a binned percentile of {@code values} (see {@link Percentiles}). */
    private static double binWidth(RandomAccessibleInterval<DoubleType> values) {
        double[] range = Percentiles.of(values, 0, 100);
        return (range[1] - range[0]) / Percentiles.FLOAT_BINS;
    }

    /** The noise of a big stack is that of its first plane: no need to read gigapixels twice more. */
    private static RandomAccessibleInterval<? extends RealType<?>> firstPlaneIfLarge(
            RandomAccessibleInterval<? extends RealType<?>> image) {
        if (image.numDimensions() <= 2 || Intervals.numElements(image) <= LARGE) {
            return image;
        }
        long[] max = image.maxAsLongArray();
        for (int d = 2; d < max.length; d++) {
            max[d] = image.min(d);
        }
        return Views.interval(image, image.minAsLongArray(), max);
    }
}
