package org.denoiser.io;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.DenoiseException;

/**
 * Decodes a PNG or a (multi-page) TIFF through the JDK's ImageIO readers into an {@link ImageData}.
 * Page sizes are read from the headers and checked against the pixel limit before any pixel
 * memory is allocated.
 */
final class ImageIoDecoder {

    private final ImageFormat format;
    private final String source;
    private final PixelLimit limit;

    /**
     * @param source names the input in error messages (a file path, or a description of bytes)
     */
    ImageIoDecoder(ImageFormat format, String source, PixelLimit limit) {
        this.format = format;
        this.source = source;
        this.limit = limit;
    }

    ImageData decode(ImageInputStream input) {
        ImageReader reader = readerFor(format);
        try {
            int pages = format == ImageFormat.TIFF ? TiffPageChain.countPages(input, source) : 1;
            // Random access (seekForwardOnly=false) because TIFF pages may sit anywhere in the file;
            // metadata is not needed and skipping it avoids parsing untrusted extra chunks.
            reader.setInput(input, false, true);
            return readAllPages(reader, pages);
        } catch (DenoiseException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The JDK readers report bad data as IIOException, EOFException, or plain runtime
            // exceptions (index out of bounds, negative array size) deep inside the decoder.
            throw new CorruptImageException(source + ": not a readable " + format + " image ("
                    + describe(e) + ")", e);
        } finally {
            reader.dispose();
        }
    }

    private ImageData readAllPages(ImageReader reader, int pages) throws IOException {
        if (pages < 1) {
            throw new CorruptImageException(source + ": the " + format + " file contains no image");
        }
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1) {
            throw new CorruptImageException(source + ": invalid image size " + width + "x" + height);
        }
        for (int page = 1; page < pages; page++) {
            checkSameSize(page, reader.getWidth(page), reader.getHeight(page), width, height);
        }
        limit.check(source, (long) width * height * pages, 1);

        BufferedImage first = reader.read(0);
        PageSamples firstSamples = PageSamples.of(first, source);
        PixelType type = firstSamples.type();
        limit.check(source, (long) width * height * pages, type.channels());
        Img<? extends RealType<?>> pixels = type.allocate(width, height, pages);
        PlaneCopy.pageToImg(firstSamples, pixels, 0);
        for (int page = 1; page < pages; page++) {
            PageSamples samples = PageSamples.of(reader.read(page), source + " page " + (page + 1));
            if (samples.type() != type) {
                throw new CorruptImageException(source + ": page " + (page + 1) + " is " + samples.type()
                        + " but page 1 is " + type + "; all pages of a stack must have the same pixel type");
            }
            PlaneCopy.pageToImg(samples, pixels, page);
        }
        return new ImageData(format, type, pixels);
    }

    private void checkSameSize(int page, int pageWidth, int pageHeight, int width, int height) {
        if (pageWidth != width || pageHeight != height) {
            throw new CorruptImageException(source + ": page " + (page + 1) + " is " + pageWidth + "x" + pageHeight
                    + " but page 1 is " + width + "x" + height + "; all pages of a stack must have the same size");
        }
    }

    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            // Cannot happen on a Java 17+ runtime, which ships both readers.
            throw new IllegalStateException("this Java runtime has no ImageIO reader for " + format);
        }
        return readers.next();
    }

    /** A short reason for a decoder failure, in words a user can act on. */
    private String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // The TIFF reader says "Data segment out of stream" when a strip lies past the end of a
            // file whose length it knows; for a user both mean the same.
            if (cause instanceof EOFException || "Data segment out of stream".equals(cause.getMessage())) {
                return "the data ends too early; the file is truncated";
            }
            if (cause.getMessage() != null) {
                text.append(text.length() == 0 ? "" : ": ").append(cause.getMessage());
            }
        }
        return text.length() > 0 ? text.toString()
                : "invalid " + format + " structure, the decoder failed with " + e.getClass().getSimpleName();
    }
}
