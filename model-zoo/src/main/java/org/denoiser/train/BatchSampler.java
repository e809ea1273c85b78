package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws whole training images uniformly with replacement. One seeded {@link Random} drives both the
 * image choice and the noise, so the same seed gives the same sequence of batches; a later step
 * is reached by drawing (and dropping) the ones before it, which is cheap for small images.
 */
public final class BatchSampler implements BatchSource {

    private final ImageSet images;
    private final NoiseModel noise;
    private final int batchSize;
    private final Random random;
    private long drawn;

    public BatchSampler(ImageSet images, NoiseModel noise, int batchSize, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.images = images;
        this.noise = noise;
        this.batchSize = batchSize;
        this.random = new Random(seed);
    }

    @Override
    public Batch batch(long step) {
        if (step <= drawn) {
            throw new IllegalArgumentException("batch " + step + " was already drawn; this sampler only moves forward");
        }
        while (drawn < step - 1) {
            next();
        }
        return next();
    }

    public Batch next() {
        drawn++;
        List<Integer> indices = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            indices.add(random.nextInt(images.size()));
        }
        return Batch.of(images, indices, noise, random);
    }
}
