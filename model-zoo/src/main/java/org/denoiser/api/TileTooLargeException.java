package org.denoiser.api;

/**
 * The tile size and overlap ask for tiles larger than the TensorFlow runtime is given at once.
 * Raised by {@link Denoiser.Builder#build()} before the model loads, so every front end (command
 * line, ImageJ, Kafka worker) refuses the same settings with the same message.
 */
public class TileTooLargeException extends DenoiseException {
    public TileTooLargeException(String message) {
        super(message);
    }
}
