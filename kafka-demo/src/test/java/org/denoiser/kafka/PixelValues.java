package org.denoiser.kafka;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;

/** Pixel values as arrays, for comparing images in assertions. */
final class PixelValues {
    private PixelValues() {}

    /** Every value in (x, y, c, z) order. */
    static double[] of(Img<? extends RealType<?>> image) {
        double[] values = new double[(int) image.size()];
        int i = 0;
        for (RealType<?> p : Views.flatIterable(image)) {
            values[i++] = p.getRealDouble();
        }
        return values;
    }

    /** The color (or gray) values of an encoded image, decoded by the project's codec. */
    static double[] decoded(byte[] encoded) {
        ImageData image = ImageCodec.defaults().decode(encoded);
        return of(image.pixels());
    }
}
