package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The data of the {@code poisson-gauss-headroom} fine-tune: what the 16/32-bit map hands the network. */
class HeadroomTrainingDataTest {

    @Test
    void noiseAtTheMedianLevelIsNeverBelowWhatTheMapLeavesAndOftenAtIt() {
        float[] sky = new float[20_000];
        Arrays.fill(sky, 0.236f); // a star field's sky under the headroom map
        MappedCameraNoise noise = new MappedCameraNoise(0.25);
        int nearFloor = 0;
        int draws = 200;
        Random random = new Random(7); // one stream, as the samplers use it (new Random(t) for t = 0, 1, ... start alike)
        for (int t = 0; t < draws; t++) {
            float[] noisy = noise.apply(sky, random);
            double mean = Arrays.stream(toDoubles(noisy)).average().orElseThrow();
            double std = Math.sqrt(Arrays.stream(toDoubles(noisy)).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
            assertTrue(std > 0.011 && std < 0.26, "noise std at the median level: " + std);
            nearFloor += std < 0.026 ? 1 : 0;
            for (float v : noisy) {
                assertTrue(v >= 0 && v <= 1, "outside [0,1]: " + v);
            }
        }
        assertTrue(nearFloor > draws * 0.5 && nearFloor < draws * 0.8, "draws near the floor: " + nearFloor);
    }

    @Test
    void photosAreMappedIntoTheHeadroomRange() {
        DataSource photos = () -> new DatasetSplit(new ImageSet(1, 2, List.of(new float[] {0, 1})),
                new ImageSet(1, 2, List.of(new float[] {0.5f, 0.25f})));
        DatasetSplit mapped = new AffineMapped(photos, 0.2f, 0.6f).load();
        assertEquals(0.2f, mapped.train().image(0)[0], 1e-6);
        assertEquals(0.8f, mapped.train().image(0)[1], 1e-6);
        assertEquals(0.35f, mapped.test().image(0)[1], 1e-6);
    }

    @Test
    void sourceScenesPutTheSkyNearTheBaseAndClampBrightCores() {
        DatasetSplit scenes = new SourceScenes(6, 180, 3).load();
        assertEquals(4, scenes.train().size());
        assertEquals(2, scenes.test().size());
        for (float[] scene : scenes.train().images()) {
            float[] sorted = scene.clone();
            Arrays.sort(sorted);
            float median = sorted[sorted.length / 2];
            assertTrue(median > 0.15 && median < 0.45, "median (sky or background) at " + median);
            assertEquals(1f, sorted[sorted.length - 1], "the brightest cores are clamped at the top of the range");
            assertTrue(sorted[0] >= 0, "nothing below 0");
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
