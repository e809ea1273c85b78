package org.denoiser.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileCacheImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Encodes an {@link ImageData} as PNG or TIFF through the JDK's ImageIO writers. Pages are handed
 * over as {@link PageView}s, so the writers pull a few rows at a time; a large TIFF is staged in a
 * temporary file rather than in memory, since the TIFF writer goes back to patch offsets.
 */
final class ImageIoEncoder {

    /** Above this many bytes of samples, the TIFF writer's output is staged on disk. */
    private static final long MEMORY_STAGING_BYTES = 64L << 20;

    private final TiffCompression tiffCompression;

    ImageIoEncoder(TiffCompression tiffCompression) {
        this.tiffCompression = tiffCompression;
    }

    /**
     * Writes {@code image} to {@code out} in {@code format}, keeping its bit depth. Does not close
     * {@code out}.
     *
     * @throws UnsupportedPixelTypeException when the format cannot hold the pixel type
     * @throws DenoiseException when the format cannot hold a stack
     */
    void encode(ImageData image, ImageFormat format, OutputStream out) throws IOException {
        checkFormatCanHold(image, format);
        ImageWriter writer = writerFor(format);
        // A stack from ImageJ is staged as the JDK writes it, then copied in ImageJ's layout.
        boolean imageJLayout = ImageJTiffLayout.wanted(image, format, tiffCompression);
        int pagesBackToBack = imageJLayout ? image.planes() : 0;
        try (ImageOutputStream stream = staging(image, format, imageJLayout ? OutputStream.nullOutputStream() : out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writeParam(writer, format);
            javax.imageio.metadata.IIOMetadata streamTags = format == ImageFormat.TIFF
                    && image.metadata() instanceof TiffMetadata tags ? tags.streamForWriting(writer, param) : null;
            if (image.planes() == 1) {
                writer.write(streamTags, page(writer, image, format, 0, param, pagesBackToBack), param);
            } else {
                writer.prepareWriteSequence(streamTags);
                for (int z = 0; z < image.planes(); z++) {
                    writer.writeToSequence(page(writer, image, format, z, param, pagesBackToBack), param);
                }
                writer.endWriteSequence();
            }
            if (imageJLayout) {
                ImageJTiffLayout.copy(stream, out);
            }
        } finally {
            writer.dispose();
        }
    }

    /**
     * Page {@code z}: for a TIFF read from a TIFF with that page's tags (ImageJ's and OME's among
     * them), and for deflate-compressed TIFF with strips sized for the compressor.
     */
    private IIOImage page(ImageWriter writer, ImageData image, ImageFormat format, int z, ImageWriteParam param,
            int pagesBackToBack) throws IOException {
        PageView page = new PageView(image, z);
        if (format != ImageFormat.TIFF) {
            return new IIOImage(page, null, null);
        }
        javax.imageio.metadata.IIOMetadata metadata = image.metadata() instanceof TiffMetadata tags
                ? tags.forWriting(writer, ImageTypeSpecifier.createFromRenderedImage(page), param, z,
                        pagesBackToBack) : null;
        if (tiffCompression == TiffCompression.DEFLATE) {
            metadata = DeflateStrips.metadata(writer, page, param, rowBytes(image), metadata);
        }
        return new IIOImage(page, null, metadata);
    }

    /** Bytes of one row of samples, alpha included. */
    private static long rowBytes(ImageData image) {
        return (long) image.width() * (image.channels() + (image.hasAlpha() ? 1 : 0)) * image.type().bitsPerSample() / 8;
    }

    private static ImageOutputStream staging(ImageData image, ImageFormat format, OutputStream out)
            throws IOException {
        if (format == ImageFormat.TIFF && rowBytes(image) * image.height() * image.planes() > MEMORY_STAGING_BYTES) {
            return new FileCacheImageOutputStream(out, null); // the system temporary folder; deleted on close
        }
        return new MemoryCacheImageOutputStream(out);
    }

    private static void checkFormatCanHold(ImageData image, ImageFormat format) {
        if (format == ImageFormat.PNG && image.type().isFloat()) {
            throw new UnsupportedPixelTypeException(
                    "PNG cannot store 32-bit float pixels; write the image as TIFF instead");
        }
        if (format == ImageFormat.PNG && image.planes() > 1) {
            throw new DenoiseException("PNG holds a single image but this stack has " + image.planes()
                    + " pages; write it as TIFF instead");
        }
    }

    private ImageWriteParam writeParam(ImageWriter writer, ImageFormat format) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format == ImageFormat.TIFF) {
            if (tiffCompression == TiffCompression.NONE) {
                param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
            } else {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(tiffCompression.imageIoName());
            }
        }
        return param;
    }

    private static ImageWriter writerFor(ImageFormat format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            // Cannot happen on a Java 17+ runtime, which ships both writers.
            throw new IllegalStateException("this Java runtime has no ImageIO writer for " + format);
        }
        return writers.next();
    }
}
