package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BlindSpotMaskingTest {
    private static final int SIDE = 20; // not a multiple of the grid: the last cells are partial

    @Test
    void hidesOnePixelPerCellWithANeighboursValue() {
        float[] patch = new float[SIDE * SIDE];
        for (int i = 0; i < patch.length; i++) {
            patch[i] = i; // every value unique, so each replacement's origin is known
        }
        float[] input = new float[SIDE * SIDE + 5];
        float[] mask = new float[SIDE * SIDE + 5];
        BlindSpotMasking.apply(patch, SIDE, new Random(1), input, mask, 5);

        int cells = (int) Math.pow(Math.ceil(SIDE / (double) BlindSpotMasking.GRID), 2);
        int hidden = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = 5 + y * SIDE + x;
                if (mask[i] == 0f) {
                    assertEquals(patch[y * SIDE + x], input[i], "unmasked pixels are untouched");
                    continue;
                }
                hidden++;
                int source = (int) input[i];
                int dx = Math.abs(source % SIDE - x);
                int dy = Math.abs(source / SIDE - y);
                assertNotEquals(0, dx + dy, "a hidden pixel never shows its own value");
                assertTrue(dx <= 2 && dy <= 2, "replacement from the 5x5 neighbourhood, got offset " + dx + "," + dy);
            }
        }
        assertEquals(cells, hidden);
    }

    @Test
    void batchesDependOnlyOnSeedAndStep() {
        NoisyPlanes planes = SelfSupervisedTrainingTest.noisyBlobs(32, 2, 5);
        BlindSpotSampler a = new BlindSpotSampler(planes, 4, 16, 7);
        BlindSpotSampler b = new BlindSpotSampler(planes, 4, 16, 7);
        Batch third = a.batch(3);
        b.batch(1);
        assertEquals(java.util.Arrays.hashCode(third.noisy()), java.util.Arrays.hashCode(b.batch(3).noisy()));
        assertEquals(java.util.Arrays.hashCode(third.mask()), java.util.Arrays.hashCode(new BlindSpotSampler(planes, 4, 16, 7).batch(3).mask()));
    }
}
