package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatchSamplerTest {

    /** An 8x8 image whose pixel values are all different, so a patch tells where it came from. */
    private static final ImageSet RAMP = new ImageSet(8, 8, List.of(ramp()));

    private static float[] ramp() {
        float[] pixels = new float[64];
        for (int i = 0; i < 64; i++) {
            pixels[i] = i / 64f;
        }
        return pixels;
    }

    @Test
    void batchNDependsOnlyOnSeedAndN() {
        PatchSampler a = new PatchSampler(RAMP, new GaussianNoiseRange(0, 55), 4, 4, 11);
        PatchSampler b = new PatchSampler(RAMP, new GaussianNoiseRange(0, 55), 4, 4, 11);
        Batch late = a.batch(1000);
        b.batch(1);
        assertArrayEquals(late.noisy(), b.batch(1000).noisy());
        assertArrayEquals(late.clean(), a.batch(1000).clean());
        assertFalse(Arrays.equals(late.noisy(), a.batch(999).noisy()));
    }

    @Test
    void patchesAreFlippedOrRotatedCropsAndAllEightSymmetriesOccur() {
        PatchSampler sampler = new PatchSampler(RAMP, GaussianNoiseRange.fixed(0), 1, 3, 5);
        Set<String> symmetries = new HashSet<>();
        for (int step = 1; step <= 400; step++) {
            float[] patch = sampler.batch(step).clean();
            int[] xy = new int[9];
            for (int i = 0; i < 9; i++) {
                int index = Math.round(patch[i] * 64);
                xy[i] = index;
            }
            // Neighbours in the patch are neighbours in the image (4-connected), and the patch
            // corners span a 3x3 square, whatever the symmetry.
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 2; x++) {
                    assertEquals(1, manhattan(xy[y * 3 + x], xy[y * 3 + x + 1]));
                }
            }
            assertEquals(4, manhattan(xy[0], xy[8]));
            int right = xy[1] - xy[0];
            int down = xy[3] - xy[0];
            symmetries.add(right + "," + down);
        }
        assertEquals(8, symmetries.size(), "symmetries seen: " + symmetries);
    }

    private static int manhattan(int a, int b) {
        return Math.abs(a % 8 - b % 8) + Math.abs(a / 8 - b / 8);
    }

    @Test
    void blindGaussianLevelsSpanTheRange() {
        double[] range = TrainTestData.noiseLevelRange(new GaussianNoiseRange(0, 55), 0f, 200, 3);
        double min = range[0] * 255;
        double max = range[1] * 255;
        assertTrue(min < 3 && max > 52 && max < 58, "sigma range seen " + min + ".." + max);
    }

    @Test
    void learningRateDropsTenfoldAt80And95Percent() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3f, 0.1f, 0.8, 0.95);
        assertEquals(1e-3f, schedule.rate(1, 100), 1e-9);
        assertEquals(1e-3f, schedule.rate(80, 100), 1e-9);
        assertEquals(1e-4f, schedule.rate(81, 100), 1e-9);
        assertEquals(1e-5f, schedule.rate(100, 100), 1e-10);
    }
}
