package org.denoiser.kafka.worker;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.io.ImageTooLargeException;
import org.denoiser.io.PixelType;

/**
 * Raw little-endian pixels as numpy writes them ({@code array.astype('<f4').tobytes()}): a
 * {@code float32} or {@code uint16} gray image or stack, with its shape in numpy order
 * ({@code HEIGHT,WIDTH} or {@code PLANES,HEIGHT,WIDTH}) in a header. Numpy's row-major order is
 * ImgLib2's (x, y, c, z) order for one channel, so pixels are copied without reordering.
 */
public record RawPixels(String dtype, int planes, int height, int width) {

    public static final String FLOAT32 = "float32";
    public static final String UINT16 = "uint16";

    /** Parses the dtype and shape headers; {@code null} values mean the header is missing. */
    public static RawPixels parse(String dtype, String shape) {
        if (dtype == null || shape == null) {
            throw new BadHeadersException("raw pixels need the headers " + MessageHeaders.DTYPE + " (float32 or uint16) and "
                    + MessageHeaders.SHAPE + " (HEIGHT,WIDTH or PLANES,HEIGHT,WIDTH)");
        }
        String type = switch (dtype.toLowerCase(Locale.ROOT)) {
            case "float32", "<f4", "f4" -> FLOAT32;
            case "uint16", "<u2", "u2" -> UINT16;
            default -> throw new BadHeadersException(MessageHeaders.DTYPE + " must be float32 or uint16, got '" + dtype + "'");
        };
        String[] parts = shape.replace("(", "").replace(")", "").split(",");
        if (parts.length < 2 || parts.length > 3) {
            throw new BadHeadersException(MessageHeaders.SHAPE + " must be HEIGHT,WIDTH or PLANES,HEIGHT,WIDTH, got '" + shape + "'");
        }
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadHeadersException(MessageHeaders.SHAPE + " must hold whole numbers, got '" + shape + "'");
            }
            if (dims[i] < 1) {
                throw new BadHeadersException(MessageHeaders.SHAPE + " must hold positive sizes, got '" + shape + "'");
            }
        }
        return dims.length == 2 ? new RawPixels(type, 1, dims[0], dims[1]) : new RawPixels(type, dims[0], dims[1], dims[2]);
    }

    /** The raw description of a gray image, for writing it back in the same dtype and shape. */
    public static RawPixels describing(ImageData image) {
        String type = image.type() == PixelType.GRAY32F ? FLOAT32 : UINT16;
        return new RawPixels(type, image.planes(), image.height(), image.width());
    }

    /** The {@link MessageHeaders#SHAPE} value: {@code H,W} for one plane, {@code Z,H,W} for a stack. */
    public String shapeHeader() {
        return planes == 1 ? height + "," + width : planes + "," + height + "," + width;
    }

    long pixelCount() {
        return (long) planes * height * width;
    }

    private int bytesPerPixel() {
        return dtype.equals(FLOAT32) ? Float.BYTES : Short.BYTES;
    }

    /**
     * Wraps the bytes as an image. The format of the result is TIFF only because {@link ImageData}
     * needs one; writing goes back through {@link #encode}.
     */
    public ImageData decode(byte[] bytes, long maxPixels) {
        if (pixelCount() > maxPixels) {
            throw new ImageTooLargeException("raw image of shape " + shapeHeader() + " has " + pixelCount()
                    + " pixels, more than the limit of " + maxPixels);
        }
        long expected = pixelCount() * bytesPerPixel();
        if (bytes.length != expected) {
            throw new BadHeadersException("raw " + dtype + " image of shape " + shapeHeader() + " needs " + expected
                    + " bytes, the record has " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (dtype.equals(FLOAT32)) {
            float[] pixels = new float[(int) pixelCount()];
            buffer.asFloatBuffer().get(pixels);
            return new ImageData(ImageFormat.TIFF, PixelType.GRAY32F, ArrayImgs.floats(pixels, width, height, 1, planes));
        }
        short[] pixels = new short[(int) pixelCount()];
        buffer.asShortBuffer().get(pixels);
        return new ImageData(ImageFormat.TIFF, PixelType.GRAY16, ArrayImgs.unsignedShorts(pixels, width, height, 1, planes));
    }

    /** The pixels of a gray image of this dtype and shape as little-endian bytes. */
    public byte[] encode(ImageData image) {
        ByteBuffer buffer = ByteBuffer.allocate((int) (pixelCount() * bytesPerPixel())).order(ByteOrder.LITTLE_ENDIAN);
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(image.pixels()).cursor();
        boolean floats = dtype.equals(FLOAT32);
        while (cursor.hasNext()) {
            double value = cursor.next().getRealDouble();
            if (floats) {
                buffer.putFloat((float) value);
            } else {
                buffer.putShort((short) (int) value);
            }
        }
        return buffer.array();
    }
}
