package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws training batches uniformly with replacement. One seeded {@link Random} drives both the
 * image choice and the noise, so the same seed gives the same sequence of batches.
 */
public final class BatchSampler {

    private final ImageSet images;
    private final NoiseModel noise;
    private final int batchSize;
    private final Random random;

    public BatchSampler(ImageSet images, NoiseModel noise, int batchSize, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.images = images;
        this.noise = noise;
        this.batchSize = batchSize;
        this.random = new Random(seed);
    }

    public Batch next() {
        List<Integer> indices = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            indices.add(random.nextInt(images.size()));
        }
        return Batch.of(images, indices, noise, random);
    }
}
