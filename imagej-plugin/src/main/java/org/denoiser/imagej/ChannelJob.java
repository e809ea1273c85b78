package org.denoiser.imagej;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;

/**
 * One channel to denoise: its planes in, where the result goes, and the intensity mapping.
 *
 * @param in x, y and any further axes of one channel (z, t); never several channels
 * @param out same size as {@code in}
 * @param normalization fitted on the channel's whole stack, so that one plane denoised alone
 *     (preview, "current plane") comes out exactly as it would within the whole stack
 */
public record ChannelJob<T extends RealType<T>, U extends RealType<U>>(
        RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out, Normalization normalization) {

    /** A job whose mapping is fitted on {@code wholeChannel}, of which {@code in} is a part. */
    public static <T extends RealType<T>, U extends RealType<U>> ChannelJob<T, U> fittedOn(
            RandomAccessibleInterval<T> wholeChannel, RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out) {
        return new ChannelJob<>(in, out, Normalizations.fit(Views.iterable(wholeChannel)));
    }

    /** The planes of {@code in} from the {@code 2 + ...} axes, for progress figures. */
    long planes() {
        long n = 1;
        for (int d = 2; d < in.numDimensions(); d++) {
            n *= in.dimension(d);
        }
        return n;
    }
}
