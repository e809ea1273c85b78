package org.denoiser.api;

import java.util.ArrayList;
import java.util.List;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Views of a stack as channels and 2-D planes. An image is x, y and then any further axes; one of
 * them may be the channel axis. Views, not copies: the planes read and write the caller's pixels.
 */
final class StackPlanes {
    private StackPlanes() {}

    /** One channel of input and output: the same axes minus the channel axis. */
    record Channel<T, U>(RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out) {
        List<Plane<T, U>> planes() {
            List<Plane<T, U>> planes = new ArrayList<>();
            addPlanes(in, out, planes);
            return planes;
        }
    }

    /** One x-y plane of input and output. */
    record Plane<T, U>(RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out) {}

    static <T, U> List<Channel<T, U>> channels(RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out,
            int channelAxis) {
        if (!Intervals.equalDimensions(in, out)) {
            throw new IllegalArgumentException("output " + Intervals.toString(out)
                    + " must have the input's size " + Intervals.toString(in));
        }
        if (channelAxis < 0) {
            return List.of(new Channel<>(in, out));
        }
        if (channelAxis < 2 || channelAxis >= in.numDimensions()) {
            throw new IllegalArgumentException("channel axis must be one of 2.." + (in.numDimensions() - 1)
                    + " (x and y come first), got " + channelAxis);
        }
        List<Channel<T, U>> channels = new ArrayList<>();
        for (long c = in.min(channelAxis); c <= in.max(channelAxis); c++) {
            channels.add(new Channel<>(Views.hyperSlice(in, channelAxis, c), Views.hyperSlice(out, channelAxis, c)));
        }
        return channels;
    }

    static long planeCount(Interval image) {
        return Intervals.numElements(image) / (image.dimension(0) * image.dimension(1));
    }

    static Interval firstPlane(Interval image) {
        return new FinalInterval(image.dimension(0), image.dimension(1));
    }

    private static <T, U> void addPlanes(RandomAccessibleInterval<T> in, RandomAccessibleInterval<U> out,
            List<Plane<T, U>> planes) {
        int last = in.numDimensions() - 1;
        if (last < 2) {
            planes.add(new Plane<>(in, out));
            return;
        }
        for (long i = in.min(last); i <= in.max(last); i++) {
            addPlanes(Views.hyperSlice(in, last, i), Views.hyperSlice(out, last, i), planes);
        }
    }
}
