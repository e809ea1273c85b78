package org.denoiser.train;

import java.util.Random;
import org.denoiser.api.Conditioning;
import org.denoiser.api.NoiseRanges;

/** Turns a clean training image into the noisy network input; randomness comes only from {@code random}. */
@FunctionalInterface
public interface NoiseModel {

    float[] apply(float[] clean, Random random);

    /**
     * How many noise levels a network conditioned on this noise is told per image (0: a blind
     * model, told nothing). Such a network gets them as extra constant input channels, so it can
     * be told a level at inference (estimated from the image, or scaled by the user's strength).
     */
    default int levelCount() {
        return 0;
    }

    /** How an exported network conditioned on this noise is told the level ({@code model.json}); null when blind. */
    default Conditioning conditioning() {
        return null;
    }

    /**
     * The noise levels this model draws, in the [0,1] data's units, for {@code model.json}'s
     * {@code noise}; null when they are not one Gaussian or Poisson-Gaussian range.
     */
    default NoiseRanges ranges() {
        return null;
    }

    /** The noisy image and the levels of the noise that was drawn; blind models return no levels. */
    default NoisyImage applyWithLevels(float[] clean, Random random) {
        return new NoisyImage(apply(clean, random), new float[0]);
    }

    default String description() {
        return getClass().getSimpleName();
    }

    /**
     * Channels of the network's images when the stored training images have {@code stored}
     * channels: the same, unless the stored images carry more than the clean picture (see
     * {@link RecordedNoise}).
     */
    default int networkChannels(int stored) {
        return stored;
    }

    /**
     * @param levels {@link #levelCount()} values describing the noise in {@code pixels}
     * @param target what the network should make of {@code pixels}, or null when that is the clean
     *     image the noise was applied to
     */
    record NoisyImage(float[] pixels, float[] levels, float[] target) {
        public NoisyImage(float[] pixels, float[] levels) {
            this(pixels, levels, null);
        }
    }
}
