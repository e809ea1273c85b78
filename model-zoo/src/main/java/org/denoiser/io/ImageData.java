package org.denoiser.io;

import java.util.Objects;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * A decoded image: its pixels, their type, and the format it came from (or should be written in).
 *
 * <p>The pixels always have the four axes (x, y, c, z): c is 1 for gray and 3 for RGB, z is the
 * number of pages (1 for a single picture). A fixed axis order spares every caller from guessing
 * whether a 3D image is a color picture or a stack. Elements are {@code UnsignedByteType},
 * {@code UnsignedShortType} or {@code FloatType}, as {@link PixelType} says.
 */
public record ImageData(ImageFormat format, PixelType type, Img<? extends RealType<?>> pixels) {

    public static final int X = 0;
    public static final int Y = 1;
    public static final int C = 2;
    public static final int Z = 3;

    public ImageData {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.numDimensions() != 4) {
            throw new IllegalArgumentException(
                    "pixels must have the axes (x, y, c, z), got " + pixels.numDimensions() + " dimensions");
        }
        if (pixels.dimension(C) != type.channels()) {
            throw new IllegalArgumentException(
                    type + " needs " + type.channels() + " channels, pixels have " + pixels.dimension(C));
        }
        if (!type.isStoredAs(pixels.firstElement())) {
            throw new IllegalArgumentException(
                    type + " cannot be stored in " + pixels.firstElement().getClass().getSimpleName());
        }
    }

    /**
     * Wraps pixels with axes (x, y, c, z), deriving the pixel type from the element type and the
     * channel count.
     *
     * @throws UnsupportedPixelTypeException when no {@link PixelType} matches
     */
    public static ImageData of(ImageFormat format, Img<? extends RealType<?>> pixels) {
        if (pixels.numDimensions() != 4) {
            throw new IllegalArgumentException(
                    "pixels must have the axes (x, y, c, z), got " + pixels.numDimensions() + " dimensions");
        }
        RealType<?> element = pixels.firstElement();
        int channels = (int) pixels.dimension(C);
        PixelType type = PixelType.of(element, channels).orElseThrow(() -> new UnsupportedPixelTypeException(
                "cannot store " + channels + " channel(s) of " + element.getClass().getSimpleName()
                        + "; supported are 1 or 3 channels of 8-bit or 16-bit unsigned integers,"
                        + " or 1 channel of 32-bit float"));
        return new ImageData(format, type, pixels);
    }

    /** The same pixels, to be written in another format. */
    public ImageData withFormat(ImageFormat newFormat) {
        return new ImageData(newFormat, type, pixels);
    }

    public int width() {
        return (int) pixels.dimension(X);
    }

    public int height() {
        return (int) pixels.dimension(Y);
    }

    public int channels() {
        return (int) pixels.dimension(C);
    }

    /** Number of pages: 1 for a single picture, more for a stack. */
    public int planes() {
        return (int) pixels.dimension(Z);
    }
}
