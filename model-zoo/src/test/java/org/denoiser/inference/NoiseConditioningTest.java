package org.denoiser.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.api.Conditioning;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.ModelNormalization;
import org.denoiser.api.NoiseLevelUsed;
import org.denoiser.api.NoiseSetting;
import org.denoiser.api.StrengthNotSupportedException;
import org.denoiser.noise.NoiseEstimator;
import org.denoiser.noise.NoiseLevels;
import org.denoiser.tiling.RowSource;
import org.junit.jupiter.api.Test;

/** Which level a conditioned model is told, without TensorFlow: the estimate, the user's sigma, the strength. */
class NoiseConditioningTest {
    private static final ModelInfo BLIND = new ModelInfo("denoise/blind", "1", "d", "t", "n", 1, ModelNormalization.DEFAULT, 4, 26, 28,
            Map.of(), null);
    private static final ModelInfo CONDITIONED = new ModelInfo("denoise/told", "1", "d", "t", "n", 1, ModelNormalization.DEFAULT, 4, 26,
            28, Map.of(), null, new Conditioning("noise_level", Conditioning.POISSON_GAUSSIAN_STD, 0.7, 0.2),
            ModelInfo.AXES_BYXC, null);

    /** A ramp with Poisson-Gaussian noise of known shot and read stds, in network units. */
    private static float[] noisyRamp(int width, int height, double shot, double read, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[width * height];
        for (int i = 0; i < pixels.length; i++) {
            double signal = 0.05 + 0.9 * (i % width) / (width - 1.0);
            pixels[i] = (float) (signal + Math.sqrt(shot * shot * signal + read * read) * random.nextGaussian());
        }
        return pixels;
    }

    private static RowSource plane(float[] pixels, int width, int height) {
        return RowSource.of(ArrayImgs.floats(pixels, width, height));
    }

    @Test
    void theEstimateIsScaledByTheStrength() {
        float[] pixels = noisyRamp(200, 160, 0.1, 0.03, 1);
        NoiseLevelUsed once = NoiseConditioning.levelFor(CONDITIONED, NoiseSetting.DEFAULT, plane(pixels, 200, 160), 1);
        NoiseLevelUsed twice = NoiseConditioning.levelFor(CONDITIONED, NoiseSetting.strength(2), plane(pixels, 200, 160), 1);
        assertEquals(0.1, once.shot(), 0.015, once.toString());
        assertEquals(0.03, once.read(), 0.0045, once.toString());
        assertEquals(2 * once.shot(), twice.shot(), 1e-12);
        assertEquals(2 * once.read(), twice.read(), 1e-12);
        assertTrue(once.estimated() && twice.toString().contains("x2.0"), twice.toString());
    }

    @Test
    void aSigmaInImageUnitsIsMappedToNetworkUnits() {
        NoiseSetting sigma = NoiseSetting.strength(1.5).withSigma(25);
        NoiseLevelUsed level = NoiseConditioning.levelFor(CONDITIONED, sigma, plane(new float[64], 8, 8), 1 / 255.0);
        assertEquals(0, level.shot());
        assertEquals(1.5 * 25 / 255.0, level.read(), 1e-12);
        assertEquals(1.5 * 25, level.readInImageUnits(), 1e-9);
    }

    @Test
    void blindModelsGetNoLevelAndRefuseAnythingButTheDefault() {
        assertNull(NoiseConditioning.levelFor(BLIND, NoiseSetting.DEFAULT, plane(new float[64], 8, 8), 1));
        StrengthNotSupportedException e = assertThrows(StrengthNotSupportedException.class,
                () -> NoiseConditioning.requireSupported(BLIND, NoiseSetting.DEFAULT.withSigma(10)));
        assertTrue(e.getMessage().contains("denoise/blind is blind"), e.getMessage());
    }

    @Test
    void aSmallPlaneIsSampledWholeSoTheEstimateIsThePlanes() {
        int width = 203; // not a multiple of 8: the estimator drops the same partial blocks
        int height = 117;
        float[] pixels = noisyRamp(width, height, 0.1, 0.02, 2);
        BlockSample sample = BlockSample.of(plane(pixels, width, height));
        assertEquals(200, sample.width());
        assertEquals(112, sample.height());
        NoiseLevels whole = NoiseEstimator.poissonGaussian(pixels, width, height);
        NoiseLevels sampled = NoiseEstimator.poissonGaussian(sample.pixels(), sample.width(), sample.height());
        assertEquals(whole, sampled);
    }

    @Test
    void aLargePlaneIsSampledInBoundedMemoryWithBlocksFromAllOverIt() {
        int side = 1024 * 8 + 5; // 1024 blocks a side, 8 times the sample's
        RowSource ramp = new RowSource() {
            @Override
            public long width() {
                return side;
            }

            @Override
            public long height() {
                return side;
            }

            @Override
            public void read(long x, long y, float[] dst, int offset, int length) {
                for (int i = 0; i < length; i++) {
                    dst[offset + i] = (float) (x + i + y) / (2 * side);
                }
            }
        };
        BlockSample sample = BlockSample.of(ramp);
        assertEquals(BlockSample.MAX_BLOCKS_PER_SIDE * BlockSample.BLOCK, sample.width());
        assertEquals(sample.width(), sample.height());
        float last = sample.pixels()[sample.pixels().length - 1];
        assertTrue(sample.pixels()[0] < 0.001 && last > 0.99, "blocks from both corners: " + sample.pixels()[0] + ", " + last);
        float[] firstBlockRow = new float[8];
        System.arraycopy(sample.pixels(), 0, firstBlockRow, 0, 8);
        float[] expected = new float[8];
        ramp.read(0, 0, expected, 0, 8);
        assertArrayEquals(expected, firstBlockRow);
    }
}
