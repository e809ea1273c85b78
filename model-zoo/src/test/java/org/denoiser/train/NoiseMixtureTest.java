package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.denoiser.api.NoiseRanges;
import org.junit.jupiter.api.Test;

/** Drawing one of two noises per training image, as the photo-gray preset does. */
class NoiseMixtureTest {
    private static final float[] CLEAN = grey(64 * 64);

    @Test
    void eachImageGetsOneOfTheTwoNoisesInAboutTheGivenShare() {
        // a Gaussian of sigma 1 (of 255) against one of sigma 50: each image's spread says which it got
        NoiseMixture mixture = new NoiseMixture(GaussianNoiseRange.fixed(1), GaussianNoiseRange.fixed(50), 0.25);
        Random random = new Random(3);
        int first = 0;
        for (int image = 0; image < 400; image++) {
            double sigma255 = 255 * TrainTestData.std(mixture.apply(CLEAN, random));
            assertTrue(sigma255 < 1.5 || (sigma255 > 45 && sigma255 < 55), "one noise or the other, got sigma " + sigma255);
            first += sigma255 < 1.5 ? 1 : 0;
        }
        assertTrue(first > 70 && first < 130, first + " of 400 images got the first noise at share 0.25");
    }

    @Test
    void itsRangesHoldBothNoises() {
        CameraPipelineNoise camera = new CameraPipelineNoise(20, 3000, 0.01, 0.5, 70, 95);
        NoiseRanges ranges = new NoiseMixture(camera, new GaussianNoiseRange(0, 55), 0.5).ranges();
        assertEquals(NoiseRanges.POISSON_GAUSSIAN, ranges.kind());
        assertEquals(0, ranges.shot().min(), 1e-12, "white Gaussian noise has no shot noise");
        assertEquals(camera.ranges().shot().max(), ranges.shot().max(), 1e-12);
        assertEquals(55 / 255.0, ranges.read().max(), 1e-9, "the Gaussian's sigma bounds the read noise");
    }

    @Test
    void conditionedNoiseAndSharesOutsideZeroToOneAreRefused() {
        NoiseModel told = new CameraNoiseRange(0.25, 55 / 255.0, 2, 1000, 0, 0.05);
        assertThrows(IllegalArgumentException.class, () -> new NoiseMixture(told, GaussianNoiseRange.fixed(25), 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new NoiseMixture(GaussianNoiseRange.fixed(5), GaussianNoiseRange.fixed(25), 1));
    }

    private static float[] grey(int size) {
        float[] values = new float[size];
        Arrays.fill(values, 0.5f);
        return values;
    }
}
