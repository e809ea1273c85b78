package org.denoiser.api;

/** No model with the requested id in any zoo. */
public class UnknownModelException extends DenoiseException {
    public UnknownModelException(String message) {
        super(message);
    }

    public UnknownModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
