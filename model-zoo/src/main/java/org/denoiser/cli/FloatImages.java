package org.denoiser.cli;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.io.ImageData;
import org.denoiser.normalize.Normalization;

/** Float working copies of decoded images, and the way back to the file's pixel type. */
final class FloatImages {
    private FloatImages() {}

    static Img<FloatType> copyOf(RandomAccessibleInterval<? extends RealType<?>> image) {
        Img<FloatType> copy = new ArrayImgFactory<>(new FloatType()).create(image);
        LoopBuilder.setImages(image, copy).forEachPixel((in, out) -> out.setReal(in.getRealDouble()));
        return copy;
    }

    /** The float pixels stored as {@code like}'s type, with its format, alpha and file metadata (rounded and clamped for integers). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ImageData storeLike(ImageData like, Img<FloatType> pixels) {
        Img target = like.type().allocate(like.width(), like.height(), like.planes());
        Normalization.IDENTITY.inverseInto(pixels, pixels, target);
        return like.withPixels(target);
    }
}
