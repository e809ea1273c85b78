package org.denoiser.testimages;

import org.denoiser.testimages.noise.CameraModel;

/**
 * How a noise-free scene reaches the camera: possibly dimmed (in place), then recorded by the
 * returned camera. Lets one generator serve both the bright and the low-light variant.
 */
@FunctionalInterface
interface Exposure {

    /** Dims {@code electrons} in place if this exposure is dim, and returns the camera that records them. */
    CameraModel expose(float[] electrons);

    /** The scene as rendered, recorded by {@code camera}. */
    static Exposure as(CameraModel camera) {
        return electrons -> camera;
    }
}
