package org.denoiser.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.io.PixelType;
import org.junit.jupiter.api.Test;

/** The denoiser changes the colors of an RGBA image and leaves its alpha exactly as it was. */
class AlphaDenoiseTest {

    @Test
    void alphaIsCopiedThroughUntouchedWhileColorsAreDenoised() {
        int width = 48;
        int height = 40;
        byte[] colors = new byte[width * height * 3];
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < colors.length; i++) {
            colors[i] = (byte) Math.max(0, Math.min(255, 128 + 60 * random.nextGaussian()));
        }
        byte[] alpha = new byte[width * height];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = (byte) (i % width < width / 2 ? 255 : i % 7 * 30);
        }
        ArrayImg<UnsignedByteType, ByteArray> alphaPlane = ArrayImgs.unsignedBytes(alpha.clone(), width, height, 1, 1);
        ImageData image = new ImageData(ImageFormat.PNG, PixelType.RGB8,
                ArrayImgs.unsignedBytes(colors.clone(), width, height, 3, 1), alphaPlane);

        ImageData denoised;
        try (Denoiser denoiser = Denoiser.builder().model("denoise/mnist-seed").build()) {
            denoised = denoiser.denoise(image);
        }
        // Through the file format too: what a user gets back on disk.
        ImageData written = ImageCodec.defaults().decode(ImageCodec.defaults().encode(denoised));

        assertTrue(written.hasAlpha());
        assertArrayEquals(alpha, bytes(written.alpha()));
        assertFalse(Arrays.equals(colors, bytes(written.pixels())), "the colors were denoised");
    }

    private static byte[] bytes(Img<?> img) {
        byte[] out = new byte[(int) img.size()];
        int i = 0;
        for (Object value : img) {
            out[i++] = (byte) ((UnsignedByteType) value).get();
        }
        return out;
    }
}
