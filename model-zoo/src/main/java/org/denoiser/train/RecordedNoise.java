package org.denoiser.train;

import java.util.Random;
import org.denoiser.api.Conditioning;
import org.denoiser.api.NoiseRanges;

/**
 * Noise as a camera recorded it, where the training data has it: images stored as {@link #STORED}
 * channels per pixel (clean target, recorded noisy value, and the shot and read stds the denoiser
 * estimates for the whole noisy image; see {@link NoisyCleanPairs}), of which the network sees
 * the noisy one and learns to give the target. Images without a recording (the noisy channel NaN,
 * see {@link UnpairedImages}) get {@code synthetic} noise instead, so real pairs and clean
 * pictures train one network together.
 */
public record RecordedNoise(NoiseModel synthetic) implements NoiseModel {
    /** Target, noisy, shot std, read std. */
    static final int STORED = 4;

    @Override
    public int networkChannels(int stored) {
        if (stored != STORED) {
            throw new IllegalArgumentException("recorded noise needs images stored as " + STORED + " channels (target, "
                    + "noisy, shot, read), got " + stored);
        }
        return 1;
    }

    @Override
    public float[] apply(float[] stored, Random random) {
        return applyWithLevels(stored, random).pixels();
    }

    @Override
    public NoisyImage applyWithLevels(float[] stored, Random random) {
        int pixels = stored.length / STORED;
        float[] target = new float[pixels];
        float[] noisy = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            target[i] = stored[i * STORED];
            noisy[i] = stored[i * STORED + 1];
        }
        if (Float.isNaN(noisy[0])) {
            NoisyImage drawn = synthetic.applyWithLevels(target, random);
            return new NoisyImage(drawn.pixels(), drawn.levels(), target);
        }
        float[] levels = levelCount() == 0 ? new float[0] : new float[] {stored[2], stored[3]};
        return new NoisyImage(noisy, levels, target);
    }

    @Override
    public int levelCount() {
        return synthetic.levelCount();
    }

    @Override
    public Conditioning conditioning() {
        return synthetic.conditioning();
    }

    @Override
    public NoiseRanges ranges() {
        return synthetic.ranges();
    }

    @Override
    public String description() {
        return "recorded camera noise where the data has it (real noisy/clean pairs, told the level estimated on the "
                + "whole noisy image), else " + synthetic.description();
    }
}
