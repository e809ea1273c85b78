package org.denoiser.api;

/**
 * Base of every error the denoiser reports to a user. The message is meant to be shown as is:
 * it names the problem and, where there is one, the fix. Subclasses let front ends react by type
 * (a dead-letter topic for bad input, a dialog in ImageJ, exit code 2 on the command line).
 */
public class DenoiseException extends RuntimeException {
    public DenoiseException(String message) {
        super(message);
    }

    public DenoiseException(String message, Throwable cause) {
        super(message, cause);
    }
}
