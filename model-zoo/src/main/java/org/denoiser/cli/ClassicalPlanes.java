package org.denoiser.cli;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.denoiser.api.DenoiseException;
import org.denoiser.classical.ClassicalMethod;
import org.denoiser.io.PixelType;

/**
 * A classical method as a {@link DenoisingMethod}: every 2-D plane of the image (each channel of
 * each plane of a stack; an RGB image's colours one by one, not jointly as CBM3D would) alone.
 */
record ClassicalPlanes(ClassicalMethod method) implements DenoisingMethod {

    @Override
    public Img<FloatType> denoise(Img<FloatType> noisy, PixelType type) {
        return planeByPlane(noisy, type == PixelType.GRAY8 || type == PixelType.RGB8);
    }

    @Override
    public void denoise(Img<UnsignedByteType> image, int channelAxis) {
        planeByPlane(image, true);
    }

    @Override
    public String noiseUsed() {
        return method.id() + ": " + method.noiseUsed();
    }

    @Override
    public void close() {
        // Nothing native: the method's threads live only during a call.
    }

    private Img<FloatType> planeByPlane(RandomAccessibleInterval<? extends RealType<?>> image, boolean eightBit) {
        int width = (int) image.dimension(0);
        int height = (int) image.dimension(1);
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new DenoiseException(method.id() + " takes planes of at most 2^31 pixels, got " + width + "x" + height);
        }
        Img<FloatType> out = new ArrayImgFactory<>(new FloatType()).create(image);
        long planes = Intervals.numElements(image) / ((long) width * height);
        float[] pixels = new float[width * height];
        for (long p = 0; p < planes; p++) {
            long[] position = planePosition(image, p);
            LoopBuilder.setImages(plane(image, position), ArrayImgs.floats(pixels, width, height))
                    .forEachPixel((in, copy) -> copy.setReal(in.getRealDouble()));
            float[] denoised = method.denoisePlane(pixels, width, height, eightBit);
            LoopBuilder.setImages(ArrayImgs.floats(denoised, width, height), plane(out, position))
                    .forEachPixel((in, copy) -> copy.set(in));
        }
        return out;
    }

    /** The coordinates beyond x and y of the {@code index}-th plane, the first axis varying fastest. */
    private static long[] planePosition(RandomAccessibleInterval<?> image, long index) {
        long[] position = new long[image.numDimensions()];
        long rest = index;
        for (int d = 2; d < position.length; d++) {
            position[d] = image.min(d) + rest % image.dimension(d);
            rest /= image.dimension(d);
        }
        return position;
    }

    private static <T> RandomAccessibleInterval<T> plane(RandomAccessibleInterval<T> image, long[] position) {
        RandomAccessibleInterval<T> plane = image;
        for (int d = position.length - 1; d >= 2; d--) {
            plane = Views.hyperSlice(plane, d, position[d]);
        }
        return plane;
    }
}
