package org.denoiser.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The planes of an ImageJ (hyper)stack as gray channel arrays, seen by the denoiser as ImgLib2
 * images of one channel each (x, y, z, t). A gray channel is an ImageJ channel, or for RGB one
 * colour of one ImageJ channel. The views share the arrays: writing into a view of an allocated
 * result fills the planes of {@link #toStack()}.
 */
final class HyperstackPixels {
    private final PlaneCodec codec;
    private final StackLayout layout;
    /** In ImageJ stack order; each entry holds the plane's gray channels. */
    private final List<Object[]> planes;

    private HyperstackPixels(PlaneCodec codec, StackLayout layout, List<Object[]> planes) {
        this.codec = codec;
        this.layout = layout;
        this.planes = planes;
    }

    /** The pixels of {@code imp}: gray planes are used in place, RGB planes are split (copied). */
    static HyperstackPixels of(ImagePlus imp) {
        PlaneCodec codec = PlaneCodec.forBitDepth(imp.getBitDepth());
        ImageStack stack = imp.getStack();
        List<Object[]> planes = new ArrayList<>(stack.size());
        for (int i = 1; i <= stack.size(); i++) {
            planes.add(codec.split(stack.getProcessor(i)));
        }
        return new HyperstackPixels(codec, StackLayout.of(imp), planes);
    }

    /** New, zero planes of the same type for {@code layout}. */
    static HyperstackPixels allocate(PlaneCodec codec, StackLayout layout) {
        List<Object[]> planes = new ArrayList<>(layout.planes());
        for (int i = 0; i < layout.planes(); i++) {
            planes.add(codec.allocate(layout.width(), layout.height()));
        }
        return new HyperstackPixels(codec, layout, planes);
    }

    PlaneCodec codec() {
        return codec;
    }

    StackLayout layout() {
        return layout;
    }

    /** ImageJ channels times colours per plane (3 for RGB). */
    int grayChannels() {
        return layout.channels() * codec.channelsPerPlane();
    }

    /** Gray channel {@code channel} of every slice and frame, as x, y, z, t. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <T extends RealType<T>> RandomAccessibleInterval<T> channel(int channel) {
        int perPlane = codec.channelsPerPlane();
        int c = channel / perPlane;
        int colour = channel % perPlane;
        List<RandomAccessibleInterval<T>> frames = new ArrayList<>();
        for (int t = 0; t < layout.frames(); t++) {
            List<RandomAccessibleInterval<T>> slices = new ArrayList<>();
            for (int z = 0; z < layout.slices(); z++) {
                Object pixels = planes.get(layout.index(c, z, t))[colour];
                slices.add((RandomAccessibleInterval) codec.wrap(pixels, layout.width(), layout.height()));
            }
            frames.add(Views.stack(slices));
        }
        return Views.stack(frames);
    }

    /** The gray channels (for {@link #channel}) of the ImageJ channel on display: one, or red, green and blue. */
    int[] channelsOnDisplay(ImagePlus imp) {
        int perPlane = codec.channelsPerPlane();
        int[] channels = new int[perPlane];
        for (int colour = 0; colour < perPlane; colour++) {
            channels[colour] = (onDisplay(imp)[0] - 1) * perPlane + colour;
        }
        return channels;
    }

    /** The plane on display (slice and frame of {@code imp}) of a {@link #channel} view, as x, y, 1, 1. */
    static <T> RandomAccessibleInterval<T> planeOnDisplay(RandomAccessibleInterval<T> channel, ImagePlus imp) {
        long z = onDisplay(imp)[1] - 1;
        long t = onDisplay(imp)[2] - 1;
        FinalInterval plane = new FinalInterval(new long[] {0, 0, z, t},
                new long[] {channel.max(0), channel.max(1), z, t});
        return Views.zeroMin(Views.interval(channel, plane));
    }

    /**
     * The channel, slice and frame on display (from 1). Read from the current stack index, not
     * {@code getC/getZ/getT}: a macro's {@code setSlice} on an image without a window (headless
     * batch) moves the index but leaves those at 1.
     */
    static int[] onDisplay(ImagePlus imp) {
        return imp.convertIndexToPosition(imp.getCurrentSlice());
    }

    /** The planes as an ImageJ stack, in the same order. */
    ImageStack toStack() {
        ImageStack stack = new ImageStack(layout.width(), layout.height());
        for (Object[] plane : planes) {
            stack.addSlice(codec.join(plane, layout.width(), layout.height()));
        }
        return stack;
    }
}
