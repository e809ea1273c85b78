package org.denoiser.kafka.worker;

import org.denoiser.api.DenoiseException;

/** A record's headers are missing, malformed or contradict its bytes (e.g. a raw shape that does not fit). */
public class BadHeadersException extends DenoiseException {
    public BadHeadersException(String message) {
        super(message);
    }
}
