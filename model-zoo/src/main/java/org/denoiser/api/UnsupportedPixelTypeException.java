package org.denoiser.api;

/** The image's pixel type cannot be denoised (for example complex or 64-bit integer data). */
public class UnsupportedPixelTypeException extends DenoiseException {
    public UnsupportedPixelTypeException(String message) {
        super(message);
    }

    public UnsupportedPixelTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
