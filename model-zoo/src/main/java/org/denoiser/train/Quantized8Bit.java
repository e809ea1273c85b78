package org.denoiser.train;

import java.util.Random;
import org.denoiser.api.Conditioning;
import org.denoiser.api.NoiseRanges;
import org.denoiser.noise.NoisyValues;

/**
 * Another noise model's output as an 8-bit file would hold it: rounded to steps of 1/255 and
 * clipped to [0,1]. This is the "quantized" protocol of issue 13's held-out colour sets (the noisy
 * photo is saved as an ordinary 8-bit image), so a model trained on it sees what it is scored on;
 * {@code denoiser eval --quantize-noisy} scores with the same rounding ({@link NoisyValues#quantize}).
 *
 * @param fraction of the images rounded (drawn per image); the rest keep the wrapped model's
 *     float values, so one network serves 8-bit files and the published (unrounded) protocol
 */
public record Quantized8Bit(NoiseModel noise, double fraction) implements NoiseModel {

    public Quantized8Bit {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the fraction of rounded images must be in (0, 1], got " + fraction);
        }
    }

    /** Every image rounded. */
    public Quantized8Bit(NoiseModel noise) {
        this(noise, 1);
    }

    @Override
    public float[] apply(float[] clean, Random random) {
        float[] noisy = noise.apply(clean, random);
        return rounds(random) ? quantize(noisy) : noisy;
    }

    @Override
    public NoisyImage applyWithLevels(float[] clean, Random random) {
        NoisyImage noisy = noise.applyWithLevels(clean, random);
        return rounds(random) ? new NoisyImage(quantize(noisy.pixels()), noisy.levels()) : noisy;
    }

    /** No draw when every image is rounded, so runs from before the fraction replay as they were. */
    private boolean rounds(Random random) {
        return fraction == 1 || random.nextDouble() < fraction;
    }

    /** The wrapped model's ranges: rounding changes how values are stored, not how much noise there is. */
    @Override
    public NoiseRanges ranges() {
        return noise.ranges();
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
        return noise.description() + ", rounded and clipped to 8 bits"
                + (fraction == 1 ? "" : String.format(java.util.Locale.ROOT, " for %.0f %% of images", 100 * fraction));
    }
}
