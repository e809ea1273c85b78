package org.denoiser.testimages;

import java.util.Arrays;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;

/**
 * A clean image, a noisy version of it, and the exact noise-free signal as floats.
 *
 * <p>For integer images, {@code clean} is {@code truth} rounded and clipped to the pixel type, so
 * {@code truth} is what a perfect denoiser should approach; for float images the two hold the
 * same values. All three have the same dimensions and axes.
 *
 * @param clean noise-free image in the pixel type of {@code noisy}
 * @param noisy the same scene with noise, as a user's camera would record it
 * @param truth noise-free signal, not rounded or clipped, in the same units
 */
public record CleanNoisyPair<T extends RealType<T>>(Img<T> clean, Img<T> noisy, Img<FloatType> truth) {

    public CleanNoisyPair {
        long[] dims = Intervals.dimensionsAsLongArray(clean);
        if (!Arrays.equals(dims, Intervals.dimensionsAsLongArray(noisy))
                || !Arrays.equals(dims, Intervals.dimensionsAsLongArray(truth))) {
            throw new IllegalArgumentException("clean, noisy and truth images must have the same dimensions");
        }
    }
}
