package org.denoiser.api;

/**
 * The image has not the channels the model takes: a colour model (3 channels denoised together)
 * given a gray image or a single-channel stack, or a gray model asked to run on channels jointly.
 */
public class ChannelMismatchException extends DenoiseException {
    public ChannelMismatchException(String message) {
        super(message);
    }
}
