package org.denoiser.noise;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * What becomes of noisy values before a model sees them. The published BSD68/Set12 results
 * (DnCNN, BM3D) feed the noise as drawn, with fractions and values below black; a camera or an
 * image file can only hold whole steps within its pixel type's range, so real noisy inputs are
 * rounded and clipped. Issue 13's held-out sets are scored that way ("quantized").
 */
public enum NoisyValues {
    /** As drawn: fractional, and beyond the pixel type's range where the noise takes them (published protocol). */
    AS_DRAWN("as drawn"),
    /** Clipped to 0..max, not rounded. */
    CLIPPED("clipped"),
    /** Rounded to whole steps and clipped to 0..max: what an integer image file stores. */
    QUANTIZED("quantized");

    private final String description;

    NoisyValues(String description) {
        this.description = description;
    }

    /**
     * One value as an integer image of range 0..max stores it: rounded to the nearest integer
     * (ties to even, as the image writers round) and clipped.
     */
    public static float quantize(float value, float max) {
        return (float) Math.max(0, Math.min(max, Math.rint(value)));
    }

    /** Treats every pixel in place; {@code max} is the largest value the image's pixel type holds. */
    public void applyTo(RandomAccessibleInterval<FloatType> image, float max) {
        if (this == AS_DRAWN) {
            return;
        }
        for (FloatType pixel : Views.flatIterable(image)) {
            float value = pixel.get();
            pixel.set(this == QUANTIZED ? quantize(value, max) : Math.max(0, Math.min(max, value)));
        }
    }

    /** "as drawn", "clipped" or "quantized", for reports. */
    public String describe() {
        return description;
    }
}
