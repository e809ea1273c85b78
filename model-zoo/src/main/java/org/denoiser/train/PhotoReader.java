package org.denoiser.train;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.DenoiseException;
import org.denoiser.io.ImageData;
import org.denoiser.io.PixelType;

/**
 * Reads one clean 8-bit training photo as [0,1] floats, channels last: gray from PNG or TIFF,
 * colour from PNG, TIFF or JPEG (colour training sets such as CBSD432 are JPEG files, which the
 * denoiser's own codecs do not read because it never writes them). JPEG goes through the JDK's
 * reader, with the size read from the header and checked before any pixel is decoded.
 */
final class PhotoReader {

    /** A training photo is a few megapixels; anything larger is a mistake or a decompression bomb. */
    static final long MAX_PIXELS = 50_000_000L;

    /** Pixels in [0,1], row-major, {@code channels} values per pixel. */
    record Photo(float[] values, int width, int height, int channels) {
    }

    private PhotoReader() {
    }

    /** @param channels 1 (8-bit gray) or 3 (8-bit RGB) */
    static Photo read(Path file, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("training photos are gray (1 channel) or RGB (3), not " + channels);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (channels == 3 && (name.endsWith(".jpg") || name.endsWith(".jpeg"))) {
            return readJpeg(file);
        }
        ImageData image = channels == 1 ? ImageFolder.readGray8(file) : readRgb8(file);
        return new Photo(ImageFolder.toUnitFloats(image), image.width(), image.height(), channels);
    }

    private static ImageData readRgb8(Path file) {
        ImageData image = org.denoiser.io.ImageCodec.defaults().read(file);
        if (image.type() != PixelType.RGB8 || image.planes() != 1) {
            throw new DenoiseException(file + ": colour training images must be single 8-bit RGB pictures, got "
                    + image.type() + " with " + image.planes() + " planes");
        }
        return image;
    }

    private static Photo readJpeg(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new CorruptImageException(file + " is not a readable JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new CorruptImageException(file + " claims " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels, more than a training photo of at most " + MAX_PIXELS + " pixels");
                }
                return rgb(file, reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DenoiseException denoise) {
                throw denoise;
            }
            throw new CorruptImageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Photo rgb(Path file, BufferedImage image) {
        Raster raster = image.getRaster();
        if (raster.getNumBands() != 3 || raster.getSampleModel().getSampleSize(0) != 8) {
            throw new DenoiseException(file + ": colour training images must be 8-bit RGB, this one has "
                    + raster.getNumBands() + " band(s) of " + raster.getSampleModel().getSampleSize(0) + " bits");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        // getPixels returns the bands of each pixel next to each other: the channels-last layout.
        int[] samples = raster.getPixels(0, 0, width, height, (int[]) null);
        float[] values = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            values[i] = samples[i] / 255f;
        }
        return new Photo(values, width, height, 3);
    }
}
