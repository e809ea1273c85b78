package org.denoiser.api;

/** The image has fewer pixels than the model can work on. */
public class ImageTooSmallException extends DenoiseException {
    public ImageTooSmallException(String message) {
        super(message);
    }

    public ImageTooSmallException(String message, Throwable cause) {
        super(message, cause);
    }
}
