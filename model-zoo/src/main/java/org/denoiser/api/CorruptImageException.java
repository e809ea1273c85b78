package org.denoiser.api;

/** An input image cannot be decoded: truncated, not an image, or an unsupported layout. */
public class CorruptImageException extends DenoiseException {
    public CorruptImageException(String message) {
        super(message);
    }

    public CorruptImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
