package org.denoiser.kafka.worker;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.ImageTooSmallException;
import org.denoiser.api.StrengthNotSupportedException;
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

    /** Exception types and their kinds; the first match wins, so subclasses come before their parents. */
    private static final Map<Class<? extends RuntimeException>, ErrorKind> BY_EXCEPTION = byException();

    private static Map<Class<? extends RuntimeException>, ErrorKind> byException() {
        Map<Class<? extends RuntimeException>, ErrorKind> m = new LinkedHashMap<>();
        m.put(BadHeadersException.class, BAD_HEADERS);
        m.put(StrengthNotSupportedException.class, BAD_HEADERS); // a denoise.strength the model cannot take
        m.put(CorruptImageException.class, CORRUPT_IMAGE);
        m.put(ImageTooLargeException.class, IMAGE_TOO_LARGE);
        m.put(ImageTooSmallException.class, IMAGE_TOO_SMALL);
        m.put(UnsupportedPixelTypeException.class, UNSUPPORTED_PIXEL_TYPE);
        m.put(UnknownModelException.class, UNKNOWN_MODEL);
        m.put(OutputTooLargeException.class, OUTPUT_TOO_LARGE);
        return m;
    }

    /** The kind for an exception thrown while decoding, denoising or encoding one record. */
    static ErrorKind of(RuntimeException e) {
        for (Map.Entry<Class<? extends RuntimeException>, ErrorKind> entry : BY_EXCEPTION.entrySet()) {
            if (entry.getKey().isInstance(e)) {
                return entry.getValue();
            }
        }
        return INTERNAL;
    }
}
