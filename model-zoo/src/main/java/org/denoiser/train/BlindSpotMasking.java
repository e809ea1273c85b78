package org.denoiser.train;

import java.util.Arrays;
import java.util.Random;

/**
 * Noise2Void's blind spots. In each {@value #GRID}x{@value #GRID} cell of a patch one pixel at a
 * random place is hidden: replaced by a random other pixel of its 5x5 neighbourhood. The network
 * sees the patch with its blind spots and is scored only there, against the recorded values. As
 * the noise of a pixel is independent of its neighbours, the best it can do at a hidden pixel is
 * predict the clean signal from the neighbours, so it learns to denoise without clean images.
 *
 * <p>One pixel per 8x8 cell (1.6 %) is more than N2V's 0.2 %, for more training signal per step
 * on two CPU cores; one per cell (stratified) keeps the hidden pixels apart, so the neighbours a
 * hidden pixel is predicted from are (almost always) real.
 */
final class BlindSpotMasking {

    static final int GRID = 8;
    private static final int RADIUS = 2;

    private BlindSpotMasking() {
    }

    /**
     * Writes the masked copy of {@code patch} into {@code input} and 1 at each hidden pixel into
     * {@code mask} (both at {@code offset}, the rest of the patch's range of {@code mask} set to 0).
     */
    static void apply(float[] patch, int side, Random random, float[] input, float[] mask, int offset) {
        System.arraycopy(patch, 0, input, offset, side * side);
        Arrays.fill(mask, offset, offset + side * side, 0f);
        for (int cellTop = 0; cellTop < side; cellTop += GRID) {
            for (int cellLeft = 0; cellLeft < side; cellLeft += GRID) {
                int y = cellTop + random.nextInt(Math.min(GRID, side - cellTop));
                int x = cellLeft + random.nextInt(Math.min(GRID, side - cellLeft));
                int dx;
                int dy;
                do {
                    dx = random.nextInt(2 * RADIUS + 1) - RADIUS;
                    dy = random.nextInt(2 * RADIUS + 1) - RADIUS;
                } while (dx == 0 && dy == 0);
                int sx = reflect(x + dx, side);
                int sy = reflect(y + dy, side);
                input[offset + y * side + x] = patch[sy * side + sx];
                mask[offset + y * side + x] = 1f;
            }
        }
    }

    /** Mirrors a coordinate that fell off the patch back into it (the edge pixel itself is not repeated). */
    private static int reflect(int coordinate, int side) {
        if (coordinate < 0) {
            return -coordinate;
        }
        return coordinate >= side ? 2 * (side - 1) - coordinate : coordinate;
    }
}
