package org.denoiser.inference;

import org.denoiser.tiling.RowSource;

/**
 * Up to {@link #MAX_BLOCKS} aligned 8x8 blocks of a plane, spread evenly over it and laid side by
 * side in a small image. {@link org.denoiser.noise.NoiseEstimator} works on 8x8 blocks, each on its
 * own, so it reads the sample as it would read the plane (a plane with fewer blocks is taken whole),
 * while the memory and time stay bounded for any plane size (a 16384 x 16384 plane would otherwise
 * need a float copy of 1 GB and 4 million blocks sorted).
 */
record BlockSample(float[] pixels, int width, int height) {
    static final int BLOCK = 8;
    /** 128 x 128 blocks: one megapixel, far more than the estimator's 16 bins need. */
    static final int MAX_BLOCKS_PER_SIDE = 128;
    static final int MAX_BLOCKS = MAX_BLOCKS_PER_SIDE * MAX_BLOCKS_PER_SIDE;

    static BlockSample of(RowSource plane) {
        long columns = plane.width() / BLOCK;
        long rows = plane.height() / BLOCK;
        int sampleColumns = (int) Math.min(columns, MAX_BLOCKS_PER_SIDE);
        int sampleRows = (int) Math.min(rows, MAX_BLOCKS_PER_SIDE);
        int width = sampleColumns * BLOCK;
        int height = sampleRows * BLOCK;
        float[] pixels = new float[width * height];
        for (int r = 0; r < sampleRows; r++) {
            long top = r * rows / sampleRows * BLOCK;
            for (int c = 0; c < sampleColumns; c++) {
                long left = c * columns / sampleColumns * BLOCK;
                for (int y = 0; y < BLOCK; y++) {
                    plane.read(left, top + y, pixels, (r * BLOCK + y) * width + c * BLOCK, BLOCK);
                }
            }
        }
        return new BlockSample(pixels, width, height);
    }
}
