package org.denoiser.api;

import net.imglib2.Dimensions;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.ImgFactory;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;

/** Checks on what can be denoised, and output images like the input. */
final class PixelImages {
    /** Above this many pixels an array image cannot be indexed with an int. */
    private static final long ARRAY_IMG_LIMIT = Integer.MAX_VALUE - 8;

    private PixelImages() {}

    static void requireDenoisable(RandomAccessibleInterval<? extends RealType<?>> image) {
        if (image.numDimensions() < 2) {
            throw new ImageTooSmallException("an image needs at least 2 dimensions (x, y), this one has "
                    + image.numDimensions());
        }
        if (Intervals.numElements(image) == 0) {
            throw new ImageTooSmallException("the image is empty: " + Intervals.toString(image));
        }
        RealType<?> type = Util.getTypeFromInterval(image);
        // 64-bit integers do not fit a float without losing the low bits the user cares about.
        if (type.getBitsPerPixel() > 32 && !(type instanceof DoubleType)) {
            throw new UnsupportedPixelTypeException("cannot denoise " + type.getClass().getSimpleName()
                    + " pixels: use 8-bit, 16-bit or 32-bit images");
        }
    }

    static <T extends NativeType<T>> Img<T> createLike(RandomAccessibleInterval<T> image) {
        T type = Util.getTypeFromInterval(image).createVariable();
        ImgFactory<T> factory = Intervals.numElements(image) <= ARRAY_IMG_LIMIT
                ? new ArrayImgFactory<>(type)
                : new CellImgFactory<>(type, 1024);
        return factory.create((Dimensions) image);
    }
}
