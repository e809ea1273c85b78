package org.denoiser.testimages;

import java.awt.image.Raster;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Loads the real sample images as ImgLib2 images. Gray images have axes (x, y); RGB images
 * have axes (x, y, c) with c = 0, 1, 2 for red, green, blue. Every call returns a fresh copy
 * that the caller may modify.
 */
public final class TestImages {

    private TestImages() {
    }

    public static Img<UnsignedByteType> camera() {
        return gray8(SampleImage.CAMERA);
    }

    public static Img<UnsignedByteType> moon() {
        return gray8(SampleImage.MOON);
    }

    public static Img<UnsignedByteType> cell() {
        return gray8(SampleImage.CELL);
    }

    public static Img<UnsignedByteType> hubbleDeepField() {
        return rgb8(SampleImage.HUBBLE_DEEP_FIELD);
    }

    public static Img<UnsignedByteType> coffee() {
        return rgb8(SampleImage.COFFEE);
    }

    public static Img<UnsignedShortType> chessboard16() {
        return gray16(SampleImage.CHESSBOARD_16BIT);
    }

    /** An 8-bit gray image, axes (x, y). */
    public static Img<UnsignedByteType> gray8(SampleImage image) {
        Raster raster = load(image, SampleImage.PixelKind.GRAY_8BIT, 1, 8);
        byte[] pixels = new byte[image.width() * image.height()];
        copyBand(raster, 0, pixels, 0);
        return ArrayImgs.unsignedBytes(pixels, image.width(), image.height());
    }

    /** An 8-bit RGB image, axes (x, y, c) with 3 channels stored plane by plane. */
    public static Img<UnsignedByteType> rgb8(SampleImage image) {
        Raster raster = load(image, SampleImage.PixelKind.RGB_8BIT, 3, 8);
        int planeSize = image.width() * image.height();
        byte[] pixels = new byte[planeSize * 3];
        for (int band = 0; band < 3; band++) {
            copyBand(raster, band, pixels, band * planeSize);
        }
        return ArrayImgs.unsignedBytes(pixels, image.width(), image.height(), 3);
    }

    /** A 16-bit gray image, axes (x, y). */
    public static Img<UnsignedShortType> gray16(SampleImage image) {
        Raster raster = load(image, SampleImage.PixelKind.GRAY_16BIT, 1, 16);
        int[] samples = raster.getSamples(0, 0, image.width(), image.height(), 0, (int[]) null);
        short[] pixels = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            pixels[i] = (short) samples[i];
        }
        return ArrayImgs.unsignedShorts(pixels, image.width(), image.height());
    }

    private static void copyBand(Raster raster, int band, byte[] target, int start) {
        int[] samples = raster.getSamples(0, 0, raster.getWidth(), raster.getHeight(), band, (int[]) null);
        for (int i = 0; i < samples.length; i++) {
            target[start + i] = (byte) samples[i];
        }
    }

    private static Raster load(SampleImage image, SampleImage.PixelKind wanted, int bands, int bits) {
        if (image.pixelKind() != wanted) {
            throw new IllegalArgumentException(image + " is " + image.pixelKind() + ", not " + wanted
                    + "; load it with the TestImages method for " + image.pixelKind());
        }
        Raster raster = PngResource.read(image.resourceName());
        // Guards against a resource replaced by a file of another shape or depth.
        if (raster.getWidth() != image.width() || raster.getHeight() != image.height()
                || raster.getNumBands() != bands || PngResource.bitsPerSample(raster) != bits) {
            throw new IllegalStateException("Test image '" + image.resourceName() + "' is "
                    + raster.getWidth() + "x" + raster.getHeight() + " with " + raster.getNumBands()
                    + " band(s) of " + PngResource.bitsPerSample(raster) + " bits, expected "
                    + image.width() + "x" + image.height() + " with " + bands + " of " + bits);
        }
        return raster;
    }
}
