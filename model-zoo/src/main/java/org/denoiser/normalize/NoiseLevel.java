package org.denoiser.normalize;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.view.Views;

/**
 * A robust estimate of an image's pixel noise: the median absolute difference of horizontal
 * neighbours, scaled to a Gaussian standard deviation ({@code 1.4826 / sqrt(2)}). Sources and
 * edges touch few neighbour pairs, so the median sees the noise of the flat majority (for
 * Poisson-Gaussian data, the noise at the typical, background level).
 */
public final class NoiseLevel {
    /** MAD to standard deviation of a Gaussian, divided by sqrt(2) for a difference of two pixels. */
    private static final double MAD_TO_SIGMA_OF_DIFFERENCE = 1.4826 / Math.sqrt(2);

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
        long[] min = image.minAsLongArray();
        long[] max = image.maxAsLongArray();
        max[0]--;
        RandomAccessibleInterval<? extends RealType<?>> left = Views.interval(image, min, max);
        min[0]++;
        max[0]++;
        RandomAccessibleInterval<? extends RealType<?>> right = Views.zeroMin(Views.interval(image, min, max));
        RandomAccessibleInterval<DoubleType> differences = Converters.convert(Views.zeroMin(left), right,
                (a, b, out) -> out.set(Math.abs(b.getRealDouble() - a.getRealDouble())), new DoubleType());
        double median = Percentiles.of(Views.iterable(differences), 50)[0];
        return Double.isFinite(median) ? median * MAD_TO_SIGMA_OF_DIFFERENCE : 0;
    }
}
