package org.denoiser.kafka.worker;

import java.util.Locale;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.ImageTooSmallException;
import org.denoiser.api.UnknownModelException;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.denoiser.io.ImageTooLargeException;

/** Why a record went to the dead-letter topic; its {@link #headerValue()} is the error-type header. */
public enum ErrorKind {
    CORRUPT_IMAGE,
    BAD_HEADERS,
    IMAGE_TOO_LARGE,
    IMAGE_TOO_SMALL,
    UNSUPPORTED_PIXEL_TYPE,
    UNKNOWN_MODEL,
    /** The denoised image does not fit in one record of the configured size. */
    OUTPUT_TOO_LARGE,
    /** Any other failure while processing: a bug or a broken model, reported rather than retried forever. */
    INTERNAL;

    public String headerValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind for an exception thrown while decoding, denoising or encoding one record. */
    static ErrorKind of(RuntimeException e) {
        if (e instanceof BadHeadersException) {
            return BAD_HEADERS;
        }
        if (e instanceof CorruptImageException) {
            return CORRUPT_IMAGE;
        }
        if (e instanceof ImageTooLargeException) {
            return IMAGE_TOO_LARGE;
        }
        if (e instanceof ImageTooSmallException) {
            return IMAGE_TOO_SMALL;
        }
        if (e instanceof UnsupportedPixelTypeException) {
            return UNSUPPORTED_PIXEL_TYPE;
        }
        if (e instanceof UnknownModelException) {
            return UNKNOWN_MODEL;
        }
        if (e instanceof OutputTooLargeException) {
            return OUTPUT_TOO_LARGE;
        }
        return INTERNAL;
    }
}
