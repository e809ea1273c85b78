package org.denoiser.train;

import java.util.Random;

/**
 * Square patches cut at random places from random training images, each flipped/rotated by one of
 * the 8 symmetries of the square, with fresh noise per patch. A colour patch is one array to the
 * noise model, so its channels share the patch's noise level and get independent samples. Batch
 * {@code n} depends only on the seed and {@code n} (see {@link StepRandom}).
 */
public final class PatchSampler implements BatchSource {

    private final ImageSet images;
    private final NoiseModel noise;
    private final int batchSize;
    private final int patch;
    private final long seed;

    public PatchSampler(ImageSet images, NoiseModel noise, int batchSize, int patch, long seed) {
        if (patch <= 0 || patch > images.height() || patch > images.width()) {
            throw new IllegalArgumentException("patch side must be in 1.." + Math.min(images.height(), images.width())
                    + ", got " + patch);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.images = images;
        this.noise = noise;
        this.batchSize = batchSize;
        this.patch = patch;
        this.seed = seed;
    }

    @Override
    public Batch batch(long step) {
        Random random = StepRandom.forStep(seed, step);
        Batch.Builder batch = new Batch.Builder(batchSize, patch, patch, noise.networkChannels(images.channels()),
                noise.levelCount());
        for (int b = 0; b < batchSize; b++) {
            float[] cut = cut(random);
            batch.add(cut, noise.applyWithLevels(cut, random));
        }
        return batch.build();
    }

    private float[] cut(Random random) {
        float[] image = images.image(random.nextInt(images.size()));
        return PatchCutter.cut(image, images.width(), images.height(), images.channels(), patch, random);
    }
}
