package org.denoiser.kafka.worker;

import org.denoiser.api.DenoiseException;

/** The encoded result is bigger than one record may be ({@code max.record.bytes}). */
public class OutputTooLargeException extends DenoiseException {
    public OutputTooLargeException(String message) {
        super(message);
    }
}
