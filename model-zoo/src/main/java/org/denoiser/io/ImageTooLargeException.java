package org.denoiser.io;

import org.denoiser.api.DenoiseException;

/**
 * The image holds more pixels than the configured limit or than one ImgLib2 array can hold.
 * It is raised from the header, before any pixel memory is allocated, so a hostile or mistaken
 * input cannot exhaust the heap. Distinct from a corrupt image: the data may be fine, only too big.
 */
public class ImageTooLargeException extends DenoiseException {
    public ImageTooLargeException(String message) {
        super(message);
    }
}
