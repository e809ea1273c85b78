package org.denoiser.api;

/** A strength or sigma was asked of a blind model, one that cannot be told the noise level. */
public class StrengthNotSupportedException extends DenoiseException {
    public StrengthNotSupportedException(String message) {
        super(message);
    }
}
