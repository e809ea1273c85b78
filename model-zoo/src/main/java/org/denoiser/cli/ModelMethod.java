package org.denoiser.cli;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageData;
import org.denoiser.io.PixelType;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;

/**
 * A trained model as a {@link DenoisingMethod}: {@code denoiser} does the work, {@code loaded}
 * (the one it was made from) is closed with the method when {@code owned}.
 */
record ModelMethod(Denoiser loaded, Denoiser denoiser, boolean owned) implements DenoisingMethod {

    @Override
    public Img<FloatType> denoise(Img<FloatType> noisy, PixelType type) {
        Img<FloatType> out = noisy.factory().create(noisy);
        // 8-bit data keeps the model's 8-bit rule (0..255 -> 0..1 for every shipped model), even as floats.
        Normalization scaling = type == PixelType.GRAY8 || type == PixelType.RGB8 ? Normalizations.fit(noisy,
                denoiser.modelFor(noisy.firstElement()).normalization().uint8()) : null;
        denoiser.denoiseInto(noisy, out, ImageData.C, scaling);
        return out;
    }

    @Override
    public void denoise(Img<UnsignedByteType> image, int channelAxis) {
        denoiser.denoise(image, channelAxis);
    }

    @Override
    public void close() {
        if (owned) {
            loaded.close();
        }
    }
}
