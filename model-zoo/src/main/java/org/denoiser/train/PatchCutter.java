package org.denoiser.train;

import java.util.Random;

/**
 * Cuts a square patch at a random place of an image and turns it by one of the 8 symmetries of
 * the square (flips and 90-degree turns), the augmentation every patch-based trainer here uses.
 */
final class PatchCutter {

    private PatchCutter() {
    }

    /** A patch of a single-channel image; see {@link #cut(float[], int, int, int, int, Random)}. */
    static float[] cut(float[] image, int width, int height, int patch, Random random) {
        return cut(image, width, height, 1, patch, random);
    }

    /**
     * Draws the top, the left and the symmetry from {@code random}, in that order (the same draws
     * for any channel count). The channels of a pixel move together.
     *
     * @param image row-major, {@code width x height}, both at least {@code patch}, channels last
     */
    static float[] cut(float[] image, int width, int height, int channels, int patch, Random random) {
        int top = random.nextInt(height - patch + 1);
        int left = random.nextInt(width - patch + 1);
        int symmetry = random.nextInt(8);
        float[] out = new float[patch * patch * channels];
        for (int y = 0; y < patch; y++) {
            for (int x = 0; x < patch; x++) {
                int sx = (symmetry & 4) != 0 ? y : x; // bit 2 transposes
                int sy = (symmetry & 4) != 0 ? x : y;
                if ((symmetry & 1) != 0) { // bit 0 mirrors x
                    sx = patch - 1 - sx;
                }
                if ((symmetry & 2) != 0) { // bit 1 mirrors y
                    sy = patch - 1 - sy;
                }
                System.arraycopy(image, ((top + sy) * width + left + sx) * channels, out, (y * patch + x) * channels,
                        channels);
            }
        }
        return out;
    }
}
