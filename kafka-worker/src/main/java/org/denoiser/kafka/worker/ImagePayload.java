package org.denoiser.kafka.worker;

import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.denoiser.api.CorruptImageException;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;

/**
 * Turns a record's value and headers into an image, and an image back into a value in the same
 * encoding (or the one asked for by {@link MessageHeaders#OUTPUT_FORMAT}). Container formats go
 * through {@link ImageCodec}, which detects them from the bytes; raw pixels through
 * {@link RawPixels}.
 *
 * @param image the decoded pixels
 * @param raw how to write the result as raw pixels, or {@code null} to write {@code format}
 * @param format the container to write when not raw
 */
public record ImagePayload(ImageData image, RawPixels raw, ImageFormat format) {

    /** Decodes a record value; every problem is a typed {@code DenoiseException}. */
    public static ImagePayload decode(byte[] value, Headers headers, ImageCodec codec, String source) {
        if (value == null || value.length == 0) {
            throw new CorruptImageException(source + " has no value (an empty record)");
        }
        Optional<String> contentType = MessageHeaders.text(headers, MessageHeaders.CONTENT_TYPE).map(s -> s.toLowerCase(Locale.ROOT));
        Optional<String> outputFormat = MessageHeaders.text(headers, MessageHeaders.OUTPUT_FORMAT);
        boolean raw = contentType.map(MessageHeaders.RAW::equals).orElse(false)
                || headers.lastHeader(MessageHeaders.DTYPE) != null;
        if (raw) {
            RawPixels layout = RawPixels.parse(MessageHeaders.text(headers, MessageHeaders.DTYPE).orElse(null),
                    MessageHeaders.text(headers, MessageHeaders.SHAPE).orElse(null));
            ImageData image = layout.decode(value, codec.maxPixels());
            return outputFormat.isPresent()
                    ? new ImagePayload(image, null, parseFormat(outputFormat.get()))
                    : new ImagePayload(image, layout, null);
        }
        ImageFormat declared = contentType.map(ImagePayload::formatOfContentType).orElse(null);
        ImageData image = codec.decode(value, source);
        if (image.format() != ImageFormat.FITS) {
            ExtraSamples.requireNoneLost(value, image, source);
        }
        if (declared != null && declared != image.format()) {
            throw new BadHeadersException(source + " says " + MessageHeaders.CONTENT_TYPE + ": " + contentType.get()
                    + " but holds a " + image.format() + " image");
        }
        return new ImagePayload(image, null, outputFormat.map(ImagePayload::parseFormat).orElse(image.format()));
    }

    /** Encodes a result of the same shape as {@link #image()} in this payload's output encoding. */
    public byte[] encode(ImageData result, ImageCodec codec) {
        return raw != null ? raw.encode(result) : codec.encode(result, format);
    }

    /** The content-type header of the encoded result. */
    public String contentType() {
        if (raw != null) {
            return MessageHeaders.RAW;
        }
        return switch (format) {
            case PNG -> MessageHeaders.PNG;
            case TIFF -> MessageHeaders.TIFF;
            case FITS -> MessageHeaders.FITS;
        };
    }

    private static ImageFormat formatOfContentType(String contentType) {
        return switch (contentType) {
            case MessageHeaders.PNG -> ImageFormat.PNG;
            case MessageHeaders.TIFF, "image/tif" -> ImageFormat.TIFF;
            case MessageHeaders.FITS, "application/fits" -> ImageFormat.FITS;
            default -> throw new BadHeadersException(MessageHeaders.CONTENT_TYPE + " '" + contentType + "' is not supported; use "
                    + MessageHeaders.PNG + ", " + MessageHeaders.TIFF + ", " + MessageHeaders.FITS + " or " + MessageHeaders.RAW);
        };
    }

    private static ImageFormat parseFormat(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "png" -> ImageFormat.PNG;
            case "tif", "tiff" -> ImageFormat.TIFF;
            case "fits" -> ImageFormat.FITS;
            default -> throw new BadHeadersException(MessageHeaders.OUTPUT_FORMAT + " must be png, tiff or fits, got '" + name + "'");
        };
    }
}
