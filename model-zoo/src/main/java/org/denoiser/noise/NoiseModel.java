package org.denoiser.noise;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Synthetic noise, applied in the image's own units (for example 0..255 for 8-bit data), seeded
 * so the same seed always gives the same noisy image.
 */
public interface NoiseModel {

    /** The noisy version of one finite pixel value. */
    float noisy(float value, SeededRandom random);

    /** The spec of this model in the form {@link NoiseModels#parse} accepts, e.g. "gaussian:25". */
    String describe();

    /**
     * Adds noise to every pixel in place, in flat (x fastest) order so the result depends only on
     * the seed and the image. NaN and ±Inf pixels are left as they are.
     */
    default void apply(RandomAccessibleInterval<FloatType> image, long seed) {
        SeededRandom random = new SeededRandom(seed);
        for (FloatType pixel : Views.flatIterable(image)) {
            float value = pixel.get();
            if (Float.isFinite(value)) {
                pixel.set(noisy(value, random));
            }
        }
    }
}
