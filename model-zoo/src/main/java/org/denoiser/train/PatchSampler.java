package org.denoiser.train;

import java.util.Random;

/**
 * Square patches cut at random places from random training images, each flipped/rotated by one of
 * the 8 symmetries of the square, with fresh noise per patch. Batch {@code n} depends only on the
 * seed and {@code n} (see {@link StepRandom}).
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
        int pixels = patch * patch;
        float[] clean = new float[batchSize * pixels];
        float[] noisy = new float[batchSize * pixels];
        for (int b = 0; b < batchSize; b++) {
            float[] cut = cut(random);
            System.arraycopy(cut, 0, clean, b * pixels, pixels);
            System.arraycopy(noise.apply(cut, random), 0, noisy, b * pixels, pixels);
        }
        return new Batch(batchSize, patch, patch, noisy, clean);
    }

    private float[] cut(Random random) {
        float[] image = images.image(random.nextInt(images.size()));
        int width = images.width();
        int top = random.nextInt(images.height() - patch + 1);
        int left = random.nextInt(width - patch + 1);
        int symmetry = random.nextInt(8);
        float[] out = new float[patch * patch];
        for (int y = 0; y < patch; y++) {
            for (int x = 0; x < patch; x++) {
                int[] source = transform(symmetry, x, y);
                out[y * patch + x] = image[(top + source[1]) * width + left + source[0]];
            }
        }
        return out;
    }

    /** Where output pixel (x, y) comes from under symmetry 0..7: bit 2 transposes, bits 0/1 mirror x/y. */
    private int[] transform(int symmetry, int x, int y) {
        int sx = (symmetry & 4) != 0 ? y : x;
        int sy = (symmetry & 4) != 0 ? x : y;
        if ((symmetry & 1) != 0) {
            sx = patch - 1 - sx;
        }
        if ((symmetry & 2) != 0) {
            sy = patch - 1 - sy;
        }
        return new int[] {sx, sy};
    }
}
