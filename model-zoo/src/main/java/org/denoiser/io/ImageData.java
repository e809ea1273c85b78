package org.denoiser.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * A decoded image: its pixels, their type, the format it came from (or should be written in), and
 * its alpha (transparency) plane if it has one.
 *
 * <p>The pixels always have the four axes (x, y, c, z): c is 1 for gray and 3 for RGB, z is the
 * number of pages (1 for a single picture). A fixed axis order spares every caller from guessing
 * whether a 3D image is a color picture or a stack. Elements are {@code UnsignedByteType},
 * {@code UnsignedShortType} or {@code FloatType}, as {@link PixelType} says.
 *
 * <p>Alpha is not a color channel: it is what the user drew or masked, not a measurement, so the
 * denoiser never sees it. It travels beside the pixels, with axes (x, y, 1, z) and the pixels'
 * element type, and is written back unchanged; {@code null} when the image is opaque.
 *
 * <p>The fixed order is how pixels are stored, not what they mean: {@link #axes()} names the axes
 * as the file describes them (an ImageJ hyperstack's c, z and t folded into z, a FITS cube's
 * third axis), with their calibration.
 *
 * <p>{@code metadata} is what the file holds besides pixels (e.g. a FITS file's header cards and
 * other HDUs), written back unchanged; {@link FileMetadata#NONE} for images made from pixels alone.
 */
public record ImageData(ImageFormat format, PixelType type, Img<? extends RealType<?>> pixels,
        Img<? extends RealType<?>> alpha, FileMetadata metadata) {

    public static final int X = 0;
    public static final int Y = 1;
    public static final int C = 2;
    public static final int Z = 3;

    public ImageData {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(metadata, "metadata");
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
        if (alpha != null && !isAlphaFor(alpha, pixels)) {
            throw new IllegalArgumentException("alpha must have the axes (x, y, 1, z) of the pixels' size and type");
        }
    }

    /** An opaque image. */
    public ImageData(ImageFormat format, PixelType type, Img<? extends RealType<?>> pixels) {
        this(format, type, pixels, null, FileMetadata.NONE);
    }

    /** An image with alpha (or null) and no file metadata. */
    public ImageData(ImageFormat format, PixelType type, Img<? extends RealType<?>> pixels,
            Img<? extends RealType<?>> alpha) {
        this(format, type, pixels, alpha, FileMetadata.NONE);
    }

    private static boolean isAlphaFor(Img<? extends RealType<?>> alpha, Img<? extends RealType<?>> pixels) {
        return alpha.numDimensions() == 4 && alpha.dimension(C) == 1
                && alpha.dimension(X) == pixels.dimension(X) && alpha.dimension(Y) == pixels.dimension(Y)
                && alpha.dimension(Z) == pixels.dimension(Z)
                && alpha.firstElement().getClass() == pixels.firstElement().getClass();
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
        return new ImageData(newFormat, type, pixels, alpha, metadata);
    }

    /** New pixels of the same size and type (e.g. denoised), with this image's format, alpha and metadata. */
    public ImageData withPixels(Img<? extends RealType<?>> newPixels) {
        return new ImageData(format, type, newPixels, alpha, metadata);
    }

    /** Records a line of provenance (e.g. the model that denoised the pixels) in the file's metadata. */
    public ImageData withNote(String line) {
        return new ImageData(format, type, pixels, alpha, metadata.withNote(line));
    }

    /**
     * The image's axes as its file names them: x and y, "rgb" for the three color samples of a
     * color image, then what the pages stand for (see {@link FileMetadata#pageAxes}).
     */
    public List<Axis> axes() {
        List<Axis> axes = new ArrayList<>(metadata.planeAxes(width(), height()));
        if (channels() > 1) {
            axes.add(Axis.of("rgb", channels()));
        }
        axes.addAll(metadata.pageAxes(planes()));
        return List.copyOf(axes);
    }

    public boolean hasAlpha() {
        return alpha != null;
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
