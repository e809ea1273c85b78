package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.denoiser.metrics.Psnr;
import org.junit.jupiter.api.Test;

class DataPipelineTest {

    @Test
    void syntheticDigitsAreReproducibleInkOnBlack() {
        DatasetSplit a = new SyntheticDigits(50, 9).load();
        DatasetSplit b = new SyntheticDigits(50, 9).load();
        DatasetSplit other = new SyntheticDigits(50, 10).load();
        assertEquals(45, a.train().size());
        assertEquals(5, a.test().size());
        assertArrayEquals(a.test().image(4), b.test().image(4));
        assertFalse(Arrays.equals(a.test().image(4), other.test().image(4)));
        for (float[] image : a.train().images()) {
            double ink = 0;
            for (float v : image) {
                assertTrue(v >= 0 && v <= 1, "pixel " + v);
                ink += v;
            }
            double inkFraction = ink / image.length;
            assertTrue(inkFraction > 0.02 && inkFraction < 0.6, "ink fraction " + inkFraction);
        }
    }

    @Test
    void clippedGaussianNoiseHasTheRequestedSpreadAndStaysInRange() {
        float[] gray = new float[20_000];
        Arrays.fill(gray, 0.5f);
        float[] noisy = new ClippedGaussianNoise(0.1f).apply(gray, new Random(1));
        double sum = 0;
        double sumSquares = 0;
        for (float v : noisy) {
            sum += v - 0.5;
            sumSquares += (v - 0.5) * (v - 0.5);
        }
        double mean = sum / noisy.length;
        double std = Math.sqrt(sumSquares / noisy.length - mean * mean);
        assertEquals(0.1, std, 0.005);
        assertEquals(0.0, mean, 0.005);

        float[] heavy = new ClippedGaussianNoise(0.5f).apply(gray, new Random(2));
        for (float v : heavy) {
            assertTrue(v >= 0 && v <= 1, "noisy pixel " + v + " not clipped to [0,1]");
        }
    }

    @Test
    void batchSamplerRepeatsWithTheSameSeedAndPairsNoisyWithItsCleanImage() {
        ImageSet images = new SyntheticDigits(30, 3).load().train();
        NoiseModel noise = new ClippedGaussianNoise(0.5f);
        Batch first = new BatchSampler(images, noise, 4, 42).next();
        Batch again = new BatchSampler(images, noise, 4, 42).next();
        assertArrayEquals(first.noisy(), again.noisy());
        assertArrayEquals(first.clean(), again.clean());

        for (int b = 0; b < first.size(); b++) {
            float[] clean = first.cleanImage(b);
            assertTrue(images.images().stream().anyMatch(image -> Arrays.equals(image, clean)),
                    "clean image " + b + " is not one of the training images");
            assertTrue(Psnr.compute(clean, first.noisyImage(b), 1.0) < 15, "noisy image " + b + " looks clean");
        }
    }

    @Test
    void heldOutBatchKeepsImageOrder() {
        ImageSet images = new SyntheticDigits(20, 4).load().test();
        Batch batch = Batch.of(images, List.of(1, 0), (clean, random) -> clean.clone(), new Random(0));
        assertArrayEquals(images.image(1), batch.cleanImage(0));
        assertArrayEquals(images.image(0), batch.noisyImage(1));
    }

    @Test
    void psnrFollowsTheUnitRangeFormula() {
        float[] clean = new float[100];
        float[] off = new float[100];
        Arrays.fill(off, 0.1f);
        assertEquals(20.0, Psnr.compute(clean, off, 1.0), 1e-4);
        assertEquals(Double.POSITIVE_INFINITY, Psnr.compute(clean, clean.clone(), 1.0));
    }

    @Test
    void imagesAreCutAtTheTopLeftToTheNetworksSizeMultiple() {
        float[] image = new float[6 * 5 * 2]; // 6 rows of 5 pixels, 2 channels, each value its own index
        for (int i = 0; i < image.length; i++) {
            image[i] = i;
        }
        ImageSet set = new ImageSet(6, 5, 2, List.of(image));
        ImageSet cut = set.croppedToMultipleOf(4);
        assertEquals(4, cut.height());
        assertEquals(4, cut.width());
        // row 1, pixel 3, channel 1: (1 * 5 + 3) * 2 + 1 in the original
        assertEquals(17f, cut.image(0)[(1 * 4 + 3) * 2 + 1]);
        assertSame(set, set.croppedToMultipleOf(1), "sizes that fit are kept as they are");
        assertThrows(IllegalArgumentException.class, () -> set.croppedToMultipleOf(8));
    }
}
