package org.denoiser.io;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.plugins.tiff.TIFFImageReadParam;
import javax.imageio.stream.ImageInputStream;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Decodes a PNG or a (multi-page) TIFF through the JDK's ImageIO readers into an {@link ImageData}.
 * Page sizes and sample layouts are read from the headers and checked against the pixel limit and
 * memory budget before any pixel memory is allocated. TIFF pages are decoded in bands of strips,
 * so decoding holds the image plus one band, not a second copy of each page.
 */
final class ImageIoDecoder {

    /** About this many samples are decoded at once from a striped or tiled TIFF. */
    private static final long BAND_SAMPLES = 4L << 20;
    /** TIFF tags read before decoding: the samples per pixel and what its extra samples are. */
    private static final int SAMPLES_PER_PIXEL = 277;
    private static final int EXTRA_SAMPLES = 338;

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

    /**
     * @param length the length of the data in bytes, or -1 when unknown
     */
    ImageData decode(ImageInputStream input, long length) {
        ImageReader reader = readerFor(format);
        try {
            int pages = format == ImageFormat.TIFF ? TiffPageChain.countPages(input, length, source) : 1;
            // Random access (seekForwardOnly=false) because TIFF pages may sit anywhere in the file.
            // A TIFF's tags are kept (TiffMetadata); a PNG's metadata is not, and skipping it avoids
            // parsing untrusted extra chunks.
            reader.setInput(input, false, format != ImageFormat.TIFF);
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
        // First with the least a pixel can take, from the sizes alone: a PNG's layout may need
        // more chunks than the header, and a hostile file need not have them.
        limit.check(source, width, height, pages, 1, 1);
        if (format == ImageFormat.TIFF) {
            refuseExtraSamplesItCannotKeep(reader);
        }
        DecodedLayout layout = DecodedLayout.of(reader);
        limit.check(source, width, height, pages, layout.channels(), layout.bytesPerSample());

        int band = bandRows(reader, width, height, layout.channels());
        PageSamples first = null;
        Img<? extends RealType<?>> pixels = null;
        Img<? extends RealType<?>> alpha = null;
        for (int page = 0; page < pages; page++) {
            String pageName = pages == 1 ? source : source + " page " + (page + 1);
            // Bands of one page are decoded into the same buffer, so decoding makes no garbage.
            BufferedImage buffer = band < height ? bandBuffer(reader, page, width, band) : null;
            for (int top = 0; top < height; top += band) {
                int rows = Math.min(band, height - top);
                ImageReadParam param = reader.getDefaultReadParam();
                if (param instanceof TIFFImageReadParam tiff) {
                    tiff.setReadUnknownTags(true); // ImageJ's private tags (slice labels, display ranges) among them
                }
                param.setSourceRegion(new Rectangle(0, top, width, rows));
                param.setDestination(buffer);
                PageSamples samples = PageSamples.of(reader.read(page, param), pageName);
                if (first == null) {
                    first = samples;
                    pixels = samples.type().allocate(width, height, pages);
                    alpha = samples.hasAlpha() ? samples.type().allocateAlpha(width, height, pages) : null;
                } else {
                    checkSameLayout(page, samples, first);
                }
                PlaneCopy.rowsToImg(samples, pixels, alpha, page, top, rows);
            }
        }
        FileMetadata metadata = format == ImageFormat.TIFF ? TiffMetadata.read(reader, pages) : FileMetadata.NONE;
        return new ImageData(format, first.type(), pixels, alpha, metadata);
    }

    /**
     * Rows decoded at once: a TIFF page in bands of whole strips (or tile rows) of about
     * {@link #BAND_SAMPLES} samples, so only one band is ever held besides the image itself; a
     * PNG, which can only be decoded front to back, in one piece.
     */
    private int bandRows(ImageReader reader, int width, int height, int channels) throws IOException {
        if (format != ImageFormat.TIFF) {
            return height;
        }
        int stripRows = reader.getTileHeight(0);
        if (stripRows < 1 || stripRows >= height) {
            return height;
        }
        long wanted = Math.max(1, BAND_SAMPLES / ((long) width * channels));
        long strips = (wanted + stripRows - 1) / stripRows;
        return (int) Math.min(height, strips * stripRows);
    }

    private BufferedImage bandBuffer(ImageReader reader, int page, int width, int rows) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(page);
        if (!types.hasNext()) {
            throw new CorruptImageException(source + ": the decoder found no pixel layout for page " + (page + 1));
        }
        return types.next().createBufferedImage(width, rows);
    }

    /**
     * Refuses, by name, TIFF extra samples that would not survive decoding, before the JDK reader
     * describes them in its own terms. Extra samples marked "unspecified" (ExtraSamples 0, what
     * numpy/tifffile write for a 4-channel array) are data, not transparency; the JDK would read
     * them as alpha and leave them noisy. More than one extra sample (RGB plus two alphas) has no
     * place either: an image keeps one alpha channel, and the JDK reads such a file as colors of
     * an unknown color space ("5 color channels in color space type 15"), which names nothing
     * the user can fix. A clear refusal beats a channel that silently stays noisy or is lost.
     */
    private void refuseExtraSamplesItCannotKeep(ImageReader reader) throws IOException {
        javax.imageio.metadata.IIOMetadata metadata = reader.getImageMetadata(0);
        if (metadata == null) {
            return;
        }
        org.w3c.dom.NodeList fields = ((org.w3c.dom.Element) metadata.getAsTree(TiffMetadata.NATIVE))
                .getElementsByTagName("TIFFField");
        int[] extra = shortValues(fields, EXTRA_SAMPLES);
        if (Arrays.stream(extra).anyMatch(kind -> kind == 0)) {
            throw new UnsupportedPixelTypeException(source + ": the TIFF has " + extra.length
                    + " extra sample(s) per pixel that are not alpha (ExtraSamples 0, as numpy/tifffile write a"
                    + " 4-channel array); they cannot be denoised as colors. Save the channels as pages (an ImageJ"
                    + " hyperstack or OME-TIFF) or as separate images");
        }
        if (extra.length > 1) {
            int[] samples = shortValues(fields, SAMPLES_PER_PIXEL);
            int colors = (samples.length == 1 ? samples[0] : 1) - extra.length; // 1 is the TIFF default
            throw new UnsupportedPixelTypeException(source + ": the TIFF is " + colorsName(colors) + " with "
                    + extra.length + " extra samples per pixel (ExtraSamples " + listed(extra) + "); only one alpha"
                    + " channel is kept, so the others would be lost. Save the image with at most one alpha sample");
        }
    }

    /** The first few values, so that a hostile count cannot make the one-line message huge. */
    private static String listed(int[] values) {
        return Arrays.stream(values).limit(4).mapToObj(String::valueOf).collect(Collectors.joining(", "))
                + (values.length > 4 ? ", ..." : "");
    }

    private static String colorsName(int colors) {
        return switch (colors) {
            case 1 -> "gray";
            case 3 -> "RGB";
            default -> colors + "-color";
        };
    }

    /** The SHORT values of TIFF field {@code tag}, or none if the page does not have it. */
    private static int[] shortValues(org.w3c.dom.NodeList fields, int tag) {
        for (int i = 0; i < fields.getLength(); i++) {
            org.w3c.dom.Element field = (org.w3c.dom.Element) fields.item(i);
            if (String.valueOf(tag).equals(field.getAttribute("number"))) {
                org.w3c.dom.NodeList values = field.getElementsByTagName("TIFFShort");
                int[] result = new int[values.getLength()];
                for (int v = 0; v < result.length; v++) {
                    result[v] = Integer.parseInt(((org.w3c.dom.Element) values.item(v)).getAttribute("value"));
                }
                return result;
            }
        }
        return new int[0];
    }

    private void checkSameLayout(int page, PageSamples samples, PageSamples first) {
        if (samples.type() != first.type()) {
            throw new CorruptImageException(source + ": page " + (page + 1) + " is " + samples.type()
                    + " but page 1 is " + first.type() + "; all pages of a stack must have the same pixel type");
        }
        if (samples.hasAlpha() != first.hasAlpha()) {
            throw new CorruptImageException(source + ": page " + (page + 1) + (samples.hasAlpha() ? " has" : " has no")
                    + " alpha channel but page 1" + (first.hasAlpha() ? " has one" : " has none")
                    + "; all pages of a stack must have the same channels");
        }
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
