package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rounding noisy training images to 8 bits, all of them or a fraction. */
class Quantized8BitTest {
    private static final float[] CLEAN = grey(64 * 64, 0.5f);

    @Test
    void everyImageRoundedDrawsNothingMoreThanTheWrappedNoise() {
        NoiseModel gaussian = GaussianNoiseRange.fixed(25);
        float[] wrapped = gaussian.apply(CLEAN, new Random(7));
        float[] rounded = new Quantized8Bit(gaussian).apply(CLEAN, new Random(7));
        for (int i = 0; i < wrapped.length; i++) {
            wrapped[i] = Math.max(0, Math.min(255, Math.round(wrapped[i] * 255f))) / 255f;
        }
        assertArrayEquals(wrapped, rounded, 0f, "same draws as before the fraction existed, then rounded");
    }

    @Test
    void aFractionRoundsAboutThatShareOfImages() {
        Quantized8Bit half = new Quantized8Bit(GaussianNoiseRange.fixed(25), 0.5);
        Random random = new Random(11);
        int rounded = 0;
        for (int image = 0; image < 200; image++) {
            rounded += isRounded(half.apply(CLEAN, random)) ? 1 : 0;
        }
        assertTrue(rounded > 70 && rounded < 130, rounded + " of 200 images rounded at fraction 0.5");
        assertTrue(half.description().endsWith("for 50 % of images"), half.description());
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Quantized8Bit(GaussianNoiseRange.fixed(25), 0));
        assertThrows(IllegalArgumentException.class, () -> new Quantized8Bit(GaussianNoiseRange.fixed(25), 1.5));
    }

    private static boolean isRounded(float[] pixels) {
        for (float p : pixels) {
            float steps = p * 255f;
            if (Math.abs(steps - Math.round(steps)) > 1e-3 || p < 0 || p > 1) {
                return false;
            }
        }
        return true;
    }

    private static float[] grey(int n, float value) {
        float[] pixels = new float[n];
        Arrays.fill(pixels, value);
        return pixels;
    }
}
