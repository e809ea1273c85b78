package org.denoiser.train;

import java.util.Random;

/** Turns a clean training image into the noisy network input; randomness comes only from {@code random}. */
@FunctionalInterface
public interface NoiseModel {

    float[] apply(float[] clean, Random random);

    default String description() {
        return getClass().getSimpleName();
    }
}
