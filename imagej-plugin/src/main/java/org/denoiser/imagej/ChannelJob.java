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
 * One channel to denoise (or, for a colour model, the colours it denoises together): its planes
 * in, where the result goes, and what its intensity mapping is fitted on.
 *
 * @param in x, y and any further axes of one channel (z, t), plus {@code channelAxis} when it is set
 * @param out same size as {@code in}
 * @param wholeChannel the channel's whole stack, of which {@code in} is a part: the mapping is
 *     fitted on it, so that one plane denoised alone (preview, "current plane") comes out exactly
 *     as it would within the whole stack
 * @param channelAxis the axis of {@code in} holding colours that one model denoises together
 *     (RGB into a colour model), or {@code -1}: {@code in} is one gray channel
 */
public record ChannelJob<T extends RealType<T>, U extends RealType<U>>(
        RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out, RandomAccessibleInterval<T> wholeChannel,
        int channelAxis) {

    /** A job for one gray channel whose mapping is fitted on {@code wholeChannel}, of which {@code in} is a part. */
    public static <T extends RealType<T>, U extends RealType<U>> ChannelJob<T, U> fittedOn(
            RandomAccessibleInterval<T> wholeChannel, RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out) {
        return new ChannelJob<>(in, out, wholeChannel, -1);
    }

    /**
     * A job for colours that a colour model denoises together: the i-th entry of each list is one
     * colour (as for {@link #fittedOn}), stacked along a new last axis. One colour gives a gray job.
     */
    public static <T extends RealType<T>, U extends RealType<U>> ChannelJob<T, U> together(
            List<RandomAccessibleInterval<T>> wholeColours, List<RandomAccessibleInterval<T>> in,
            List<RandomAccessibleInterval<U>> out) {
        if (in.size() == 1) {
            return fittedOn(wholeColours.get(0), in.get(0), out.get(0));
        }
        RandomAccessibleInterval<T> stacked = Views.stack(in);
        return new ChannelJob<>(stacked, Views.stack(out), wholeColours.equals(in) ? stacked : Views.stack(wholeColours),
                in.get(0).numDimensions());
    }

    /**
     * The mapping {@code model} states for this job's pixel type ({@code model.json}'s
     * normalization), fitted on the whole channel, or {@code null} when {@code in} is the whole
     * channel: the {@code Denoiser} then fits that same map itself, on each channel, and reuses the
     * noise it measured doing so. Fitted only once the model is known, because a user's model may
     * state other rules than the shipped ones. Colours denoised together from a part of the stack
     * share one map fitted on all of them; for 8-bit RGB, the only colour data ImageJ has, every
     * model states a fixed map, so it is each colour's own.
     */
    Normalization normalizationFor(ModelInfo model) {
        return wholeChannel == in ? null : Normalizations.fit(Views.iterable(wholeChannel), model.normalization());
    }

    /**
     * The jobs for {@code in}'s channels along {@code channelAxis} ({@code -1}: gray, one job): one
     * job holding them all when {@code model} denoises that many channels together, else one per
     * channel, each fitted on its own channel and writing into the same channel of {@code out}.
     */
    public static <T extends RealType<T>, U extends RealType<U>> List<ChannelJob<T, U>> perChannel(
            RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out, int channelAxis, ModelInfo model) {
        if (channelAxis < 0) {
            return List.of(fittedOn(in, in, out));
        }
        if (channelAxis < 2 || channelAxis >= in.numDimensions()) {
            throw new IllegalArgumentException("the channel axis must be one of 2.." + (in.numDimensions() - 1)
                    + " (x and y come first) or -1 for none, got " + channelAxis);
        }
        if (model.inputChannels() > 1) {
            return List.of(new ChannelJob<>(in, out, in, channelAxis)); // the Denoiser checks the count
        }
        List<ChannelJob<T, U>> jobs = new ArrayList<>();
        for (long c = in.min(channelAxis); c <= in.max(channelAxis); c++) {
            RandomAccessibleInterval<T> channel = Views.hyperSlice(in, channelAxis, c);
            jobs.add(fittedOn(channel, channel, Views.hyperSlice(out, channelAxis, c)));
        }
        return jobs;
    }

    /** How many channels {@code in} holds: 1, or the length of {@code channelAxis}. */
    int channels() {
        return channelAxis < 0 ? 1 : (int) in.dimension(channelAxis);
    }

    /** The planes of {@code in} from the {@code 2 + ...} axes other than the channel axis, for progress figures. */
    long planes() {
        long n = 1;
        for (int d = 2; d < in.numDimensions(); d++) {
            n *= d == channelAxis ? 1 : in.dimension(d);
        }
        return n;
    }
}
