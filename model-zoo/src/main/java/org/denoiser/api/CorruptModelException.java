package org.denoiser.api;

/** A model file is missing, truncated or fails its checksum. */
public class CorruptModelException extends DenoiseException {
    public CorruptModelException(String message) {
        super(message);
    }

    public CorruptModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
