package org.denoiser.train;

import java.util.Random;
import org.denoiser.api.Conditioning;
import org.denoiser.noise.NoisyValues;

/**
 * Another noise model's output as an 8-bit file would hold it: rounded to steps of 1/255 and
 * clipped to [0,1]. This is the "quantized" protocol of issue 13's held-out colour sets (the noisy
 * photo is saved as an ordinary 8-bit image), so a model trained on it sees what it is scored on;
 * {@code denoiser eval --quantize-noisy} scores with the same rounding ({@link NoisyValues#quantize}).
 */
public record Quantized8Bit(NoiseModel noise) implements NoiseModel {

    @Override
    public float[] apply(float[] clean, Random random) {
        return quantize(noise.apply(clean, random));
    }

    @Override
    public NoisyImage applyWithLevels(float[] clean, Random random) {
        NoisyImage noisy = noise.applyWithLevels(clean, random);
        return new NoisyImage(quantize(noisy.pixels()), noisy.levels());
    }

    @Override
    public int levelCount() {
        return noise.levelCount();
    }

    @Override
    public Conditioning conditioning() {
        return noise.conditioning();
    }

    /** In place: the array came fresh from the wrapped model. */
    private static float[] quantize(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = NoisyValues.quantize(values[i] * 255f, 255) / 255f;
        }
        return values;
    }

    @Override
    public String description() {
        return noise.description() + ", rounded and clipped to 8 bits";
    }
}
