package org.denoiser.classical;

import org.denoiser.api.DenoiseException;

/** A classical method was to estimate the noise from a plane that shows none (e.g. a constant or a clean render). */
public class UnmeasurableNoiseException extends DenoiseException {
    public UnmeasurableNoiseException(String message) {
        super(message);
    }
}
