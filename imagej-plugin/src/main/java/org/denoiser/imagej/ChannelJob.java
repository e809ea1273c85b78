package org.denoiser.imagej;

import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.denoiser.api.ModelInfo;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;

/**
 * One channel to denoise: its planes in, where the result goes, and what its intensity mapping is
 * fitted on.
 *
 * @param in x, y and any further axes of one channel (z, t); never several channels
 * @param out same size as {@code in}
 * @param wholeChannel the channel's whole stack, of which {@code in} is a part: the mapping is
 *     fitted on it, so that one plane denoised alone (preview, "current plane") comes out exactly
 *     as it would within the whole stack
 */
public record ChannelJob<T extends RealType<T>, U extends RealType<U>>(
        RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out, RandomAccessibleInterval<T> wholeChannel) {

    /** A job whose mapping is fitted on {@code wholeChannel}, of which {@code in} is a part. */
    public static <T extends RealType<T>, U extends RealType<U>> ChannelJob<T, U> fittedOn(
            RandomAccessibleInterval<T> wholeChannel, RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out) {
        return new ChannelJob<>(in, out, wholeChannel);
    }

    /**
     * The mapping {@code model} states for this channel's pixel type ({@code model.json}'s
     * normalization), fitted on the whole channel: what the {@code Denoiser} would fit on that
     * channel itself. Fitted only once the model is known, because a user's model may state other
     * rules than the shipped ones.
     */
    Normalization normalizationFor(ModelInfo model) {
        return Normalizations.fit(Views.iterable(wholeChannel), model.normalization());
    }

    /**
     * One job per channel of {@code in} along {@code channelAxis} ({@code -1}: gray, one job),
     * each fitted on its own channel, writing into the same channel of {@code out}.
     */
    public static <T extends RealType<T>, U extends RealType<U>> List<ChannelJob<T, U>> perChannel(
            RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out, int channelAxis) {
        if (channelAxis < 0) {
            return List.of(fittedOn(in, in, out));
        }
        if (channelAxis < 2 || channelAxis >= in.numDimensions()) {
            throw new IllegalArgumentException("the channel axis must be one of 2.." + (in.numDimensions() - 1)
                    + " (x and y come first) or -1 for none, got " + channelAxis);
        }
        List<ChannelJob<T, U>> jobs = new ArrayList<>();
        for (long c = in.min(channelAxis); c <= in.max(channelAxis); c++) {
            RandomAccessibleInterval<T> channel = Views.hyperSlice(in, channelAxis, c);
            jobs.add(fittedOn(channel, channel, Views.hyperSlice(out, channelAxis, c)));
        }
        return jobs;
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
