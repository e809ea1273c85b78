package org.denoiser.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Objects;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Reads and writes PNG, TIFF and FITS images, from and to files or bytes. The one place for image
 * codecs: the command line uses the {@link Path} methods, the Kafka worker the byte methods.
 *
 * <p>Reading detects the format from the first bytes, never from a file name, and returns pixels
 * with axes (x, y, c, z) in the bit depth of the file (see {@link ImageData}). Writing keeps that
 * bit depth. Every failure is a {@link DenoiseException}: {@link CorruptImageException} for data
 * that is not a readable image, {@link UnsupportedPixelTypeException} for pixel types outside
 * {@link PixelType}, {@link ImageTooLargeException} for images over the pixel limit or the memory budget.
 *
 * <p>Instances are immutable and thread-safe; configure them with the {@code with} methods:
 * {@code ImageCodec.defaults().withMaxPixels(50_000_000).decode(bytes)}.
 */
public final class ImageCodec {

    /** The pixel limit of {@link #defaults()}: only the memory budget and one Java array bound an image. */
    public static final long NO_PIXEL_LIMIT = Long.MAX_VALUE;

    private final PixelLimit limit;
    private final TiffCompression tiffCompression;
    private final String fitsHdu;

    private ImageCodec(PixelLimit limit, TiffCompression tiffCompression, String fitsHdu) {
        this.limit = limit;
        this.tiffCompression = tiffCompression;
        this.fitsHdu = fitsHdu;
    }

    /**
     * No pixel limit, the default memory budget (15 % of the maximum heap, or the system property
     * {@code denoiser.maxImageBytes}), uncompressed TIFF output.
     *
     * @throws IllegalArgumentException when {@code denoiser.maxImageBytes} is not a size
     */
    public static ImageCodec defaults() {
        return new ImageCodec(new PixelLimit(NO_PIXEL_LIMIT, PixelLimit.defaultMaxBytes()), TiffCompression.NONE, null);
    }

    /**
     * A codec that rejects, from the header alone, images of more than {@code maxPixels}
     * width x height x pages, with an {@link ImageTooLargeException}.
     */
    public ImageCodec withMaxPixels(long maxPixels) {
        return new ImageCodec(new PixelLimit(maxPixels, limit.maxBytes()), tiffCompression, fitsHdu);
    }

    /**
     * A codec that rejects, from the header alone, images whose decoded samples and denoised
     * copy together take more than {@code maxBytes} bytes of heap, with an {@link ImageTooLargeException}.
     */
    public ImageCodec withMaxImageBytes(long maxBytes) {
        return new ImageCodec(new PixelLimit(limit.maxPixels(), maxBytes), tiffCompression, fitsHdu);
    }

    /** A codec that writes TIFF with the given compression (PNG is always deflate-compressed). */
    public ImageCodec withTiffCompression(TiffCompression compression) {
        return new ImageCodec(limit, Objects.requireNonNull(compression, "compression"), fitsHdu);
    }

    /**
     * A codec that reads the FITS HDU named {@code hdu} (its EXTNAME, or its index with 0 the
     * primary) instead of the first that holds an image; null for that default.
     */
    public ImageCodec withFitsHdu(String hdu) {
        return new ImageCodec(limit, tiffCompression, hdu == null || hdu.isBlank() ? null : hdu.trim());
    }

    public long maxPixels() {
        return limit.maxPixels();
    }

    /** The memory budget for an image and its denoised copy, in bytes. */
    public long maxImageBytes() {
        return limit.maxBytes();
    }

    public TiffCompression tiffCompression() {
        return tiffCompression;
    }

    /**
     * Reads an image file.
     *
     * @throws DenoiseException "file not found" when it does not exist, or when it cannot be read
     * @throws CorruptImageException when its content is not a readable image
     */
    public ImageData read(Path file) {
        String source = file.toString();
        try {
            ImageFormat format = detectFormat(readHead(file), source);
            if (format == ImageFormat.FITS) {
                // FITS is read front to back, so a plain stream does.
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    return new FitsDecoder(source, limit, fitsHdu).decode(in);
                }
            }
            if (file.getFileSystem() != FileSystems.getDefault()) {
                // ImageIO reads only java.io.File in place; other file systems (e.g. a zip) go through memory.
                return decode(Files.readAllBytes(file), source);
            }
            try (ImageInputStream input = new FileImageInputStream(file.toFile())) {
                return new ImageIoDecoder(format, source, limit).decode(input, input.length());
            }
        } catch (NoSuchFileException e) {
            throw new DenoiseException("file not found: " + file, e);
        } catch (IOException e) {
            throw new DenoiseException("cannot read " + file + ": " + FileProblem.of(e), e);
        }
    }

    /** Decodes an image held in memory, e.g. a message payload. */
    public ImageData decode(byte[] bytes) {
        return decode(bytes, "image data");
    }

    /**
     * Decodes an image held in memory.
     *
     * @param sourceName names the data in error messages, e.g. a message key
     */
    public ImageData decode(byte[] bytes, String sourceName) {
        ImageFormat format = detectFormat(bytes, sourceName);
        if (format == ImageFormat.FITS) {
            return new FitsDecoder(sourceName, limit, fitsHdu).decode(new ByteArrayInputStream(bytes));
        }
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return new ImageIoDecoder(format, sourceName, limit).decode(input, bytes.length);
        } catch (IOException e) {
            // Only close() can get here, and closing an in-memory stream does not fail in practice.
            throw new DenoiseException("cannot read " + sourceName + ": " + e.getMessage(), e);
        }
    }

    /** Decodes an image from a stream, which is read to its end but not closed. */
    public ImageData decode(InputStream in, String sourceName) {
        try {
            return decode(in.readAllBytes(), sourceName);
        } catch (IOException e) {
            throw new DenoiseException("cannot read " + sourceName + ": " + e.getMessage(), e);
        }
    }

    /** Writes the image in its own {@link ImageData#format()}; see {@link #write(ImageData, Path, ImageFormat)}. */
    public void write(ImageData image, Path file) {
        write(image, file, image.format());
    }

    /**
     * Writes the image to {@code file} in {@code format}, replacing the file atomically: when
     * anything fails, the previous file (if any) is left untouched and no partial file remains.
     *
     * @throws UnsupportedPixelTypeException when the format cannot hold the pixel type (PNG and float)
     * @throws DenoiseException when PNG is asked to hold a stack, or the file cannot be written
     */
    public void write(ImageData image, Path file, ImageFormat format) {
        try {
            AtomicFileWrite.replace(file, out -> encodeTo(image, format, out));
        } catch (NoSuchFileException e) {
            throw new DenoiseException("cannot write " + file + ": its directory does not exist", e);
        } catch (IOException e) {
            throw new DenoiseException("cannot write " + file + ": " + FileProblem.of(e), e);
        }
    }

    /** Encodes the image in its own {@link ImageData#format()}. */
    public byte[] encode(ImageData image) {
        return encode(image, image.format());
    }

    /** Encodes the image in {@code format}, keeping its bit depth. */
    public byte[] encode(ImageData image, ImageFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        encode(image, format, bytes);
        return bytes.toByteArray();
    }

    /** Encodes the image in {@code format} to a stream, which is not closed. */
    public void encode(ImageData image, ImageFormat format, OutputStream out) {
        try {
            encodeTo(image, format, out);
        } catch (IOException e) {
            throw new DenoiseException("cannot write " + format + " data: " + e.getMessage(), e);
        }
    }

    private void encodeTo(ImageData image, ImageFormat format, OutputStream out) throws IOException {
        if (format == ImageFormat.FITS) {
            FitsEncoder.encode(image, out);
        } else {
            new ImageIoEncoder(tiffCompression).encode(image, format, out);
        }
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ImageFormat.SIGNATURE_LENGTH);
        }
    }

    private static ImageFormat detectFormat(byte[] head, String source) {
        if (head.length == 0) {
            throw new CorruptImageException(source + " is empty");
        }
        return ImageFormat.sniff(head).orElseThrow(() -> new CorruptImageException(source
                + " is not a PNG, TIFF or FITS image (it starts with the bytes "
                + HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(head.length, ImageFormat.SIGNATURE_LENGTH))
                + ")"));
    }
}
