package org.denoiser.testimages;

import org.denoiser.testimages.noise.CameraModel;

/**
 * How dim a low-light recording is: the scene is scaled so that its brightest pixel collects
 * {@code peakElectrons} photo-electrons on average, and the camera adds Gaussian read noise of
 * {@code readNoiseElectrons}. Short exposures and weak labelling give such data: tens of
 * electrons at the brightest structures, where shot noise and read noise are both visible.
 *
 * @param peakElectrons      expected electrons in the brightest pixel of the whole image, {@code > 0}
 * @param readNoiseElectrons read-noise standard deviation in electrons, {@code >= 0}
 */
public record LowLight(double peakElectrons, double readNoiseElectrons) {

    /** A dim widefield or short-exposure frame: 30 electrons at the peak, 2 e- read noise (sCMOS-like). */
    public static final LowLight DIM = new LowLight(30, 2);

    public LowLight {
        if (!(peakElectrons > 0) || Double.isInfinite(peakElectrons)) {
            throw new IllegalArgumentException("peak electrons must be finite and > 0, got " + peakElectrons);
        }
        if (!(readNoiseElectrons >= 0) || Double.isInfinite(readNoiseElectrons)) {
            throw new IllegalArgumentException("read noise must be finite and >= 0 electrons, got " + readNoiseElectrons);
        }
    }

    /**
     * Dims a scene to this light level and records it with {@code camera}'s gain and offset and
     * this read noise (converted to the camera's output units).
     */
    Exposure exposure(CameraModel camera) {
        CameraModel dimCamera = new CameraModel(camera.gain(), readNoiseElectrons * camera.gain(), camera.offset());
        return electrons -> {
            dim(electrons);
            return dimCamera;
        };
    }

    /** Scales expected electron counts in place so that their maximum becomes {@link #peakElectrons}. */
    private void dim(float[] electrons) {
        float max = 0;
        for (float e : electrons) {
            max = Math.max(max, e);
        }
        if (max <= 0) {
            throw new IllegalArgumentException("a scene without light cannot be dimmed");
        }
        double scale = peakElectrons / max;
        for (int i = 0; i < electrons.length; i++) {
            electrons[i] = (float) (electrons[i] * scale);
        }
    }
}
