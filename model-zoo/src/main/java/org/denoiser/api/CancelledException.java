package org.denoiser.api;

/** The user or the caller cancelled the work; no partial result was produced. */
public class CancelledException extends DenoiseException {
    public CancelledException(String message) {
        super(message);
    }

    public CancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
