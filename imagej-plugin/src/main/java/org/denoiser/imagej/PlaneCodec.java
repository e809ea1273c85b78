package org.denoiser.imagej;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Turns one ImageJ plane into gray channel arrays the denoiser can read, and arrays back into a
 * plane. Gray planes are used as they are (no copy); RGB planes are split into red, green and
 * blue, which are denoised as three channels.
 */
abstract sealed class PlaneCodec {
    static final PlaneCodec GRAY8 = new Gray(8);
    static final PlaneCodec GRAY16 = new Gray(16);
    static final PlaneCodec GRAY32 = new Gray(32);
    static final PlaneCodec RGB = new Rgb();

    /** The codec for ImageJ's bit depth (8, 16, 24 = RGB, 32). */
    static PlaneCodec forBitDepth(int bitDepth) {
        return switch (bitDepth) {
            case 8 -> GRAY8;
            case 16 -> GRAY16;
            case 24 -> RGB;
            case 32 -> GRAY32;
            default -> throw new UnsupportedPixelTypeException("cannot denoise " + bitDepth
                    + "-bit images: use 8-bit, 16-bit, 32-bit or RGB");
        };
    }

    /** Gray channels per plane: 1, or 3 for RGB. */
    abstract int channelsPerPlane();

    /** The plane's channels as arrays (byte[], short[] or float[]). */
    abstract Object[] split(ImageProcessor plane);

    /** Empty arrays for one plane's result. */
    abstract Object[] allocate(int width, int height);

    /** The arrays as an ImageJ plane (the arrays of gray planes are used, not copied). */
    abstract ImageProcessor join(Object[] channels, int width, int height);

    /** One gray channel array as an ImgLib2 image, sharing the array. */
    abstract RandomAccessibleInterval<?> wrap(Object pixels, int width, int height);

    private static final class Gray extends PlaneCodec {
        private final int bits;

        Gray(int bits) {
            this.bits = bits;
        }

        @Override
        int channelsPerPlane() {
            return 1;
        }

        @Override
        Object[] split(ImageProcessor plane) {
            return new Object[] {plane.getPixels()};
        }

        @Override
        Object[] allocate(int width, int height) {
            int n = width * height;
            return new Object[] {switch (bits) {
                case 8 -> new byte[n];
                case 16 -> new short[n];
                default -> new float[n];
            }};
        }

        @Override
        ImageProcessor join(Object[] channels, int width, int height) {
            return switch (bits) {
                case 8 -> new ByteProcessor(width, height, (byte[]) channels[0]);
                case 16 -> new ShortProcessor(width, height, (short[]) channels[0], null);
                default -> new FloatProcessor(width, height, (float[]) channels[0]);
            };
        }

        @Override
        RandomAccessibleInterval<?> wrap(Object pixels, int width, int height) {
            return switch (bits) {
                case 8 -> ArrayImgs.unsignedBytes((byte[]) pixels, width, height);
                case 16 -> ArrayImgs.unsignedShorts((short[]) pixels, width, height);
                default -> ArrayImgs.floats((float[]) pixels, width, height);
            };
        }
    }

    private static final class Rgb extends PlaneCodec {
        @Override
        int channelsPerPlane() {
            return 3;
        }

        @Override
        Object[] split(ImageProcessor plane) {
            int n = plane.getPixelCount();
            byte[] r = new byte[n];
            byte[] g = new byte[n];
            byte[] b = new byte[n];
            ((ColorProcessor) plane).getRGB(r, g, b);
            return new Object[] {r, g, b};
        }

        @Override
        Object[] allocate(int width, int height) {
            int n = width * height;
            return new Object[] {new byte[n], new byte[n], new byte[n]};
        }

        @Override
        ImageProcessor join(Object[] channels, int width, int height) {
            ColorProcessor plane = new ColorProcessor(width, height);
            plane.setRGB((byte[]) channels[0], (byte[]) channels[1], (byte[]) channels[2]);
            return plane;
        }

        @Override
        RandomAccessibleInterval<?> wrap(Object pixels, int width, int height) {
            return ArrayImgs.unsignedBytes((byte[]) pixels, width, height);
        }
    }
}
