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
    void shotNoiseStartsAtTheZeroLevelAndStaysInRange() {
        float[] dark = new float[50_000];
        Arrays.fill(dark, 0.1f);
        float[] bright = new float[50_000];
        Arrays.fill(bright, 0.9f);
        // Zero level drawn from [0, 0.99): below it a pixel gets no shot noise, and no read noise is set.
        OffsetPoissonGaussianRange noise = new OffsetPoissonGaussianRange(PoissonGaussianRange.fixed(20, 0), 0.99);
        int darkUntouched = 0;
        int trials = 40;
        for (int t = 0; t < trials; t++) {
            float[] out = noise.apply(dark, new Random(t));
            darkUntouched += out[0] == 0.1f && out[1] == 0.1f ? 1 : 0;
            for (float v : noise.apply(bright, new Random(t))) {
                assertTrue(v >= 0 && v <= 1, "outside [0,1]: " + v);
            }
        }
        // The zero level lies above 0.1 in about 90 % of the draws.
        assertTrue(darkUntouched > trials * 0.7 && darkUntouched < trials, "untouched dark images: " + darkUntouched);
    }

    @Test
    void withoutOffsetItIsPlainPoissonGaussianNoise() {
        float[] flat = new float[200_000];
        Arrays.fill(flat, 0.5f);
        float[] noisy = new OffsetPoissonGaussianRange(PoissonGaussianRange.fixed(20, 0.01), 0).apply(flat, new Random(3));
        double mean = Arrays.stream(toDoubles(noisy)).average().orElseThrow();
        double variance = Arrays.stream(toDoubles(noisy)).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertEquals(0.025 + 1e-4, variance, 0.001);
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
