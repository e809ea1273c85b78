package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;

/** The synthetic camera pipeline: faithful without noise, spatially correlated and dimmer-is-noisier with it. */
class CameraPipelineNoiseTest {

    private static final int SIDE = 64;

    @Test
    void withoutSensorNoiseTheCleanImageComesBackToWithinRounding() {
        float[] clean = ramp();
        float[] out = new CameraPipelineNoise(1e8, 1e8, 0, 0, 90, 90).apply(clean, new Random(1));
        for (int i = 0; i < clean.length; i++) {
            assertEquals(clean[i], out[i], 1.0 / 255, "pixel " + i);
        }
    }

    @Test
    void demosaicedNoiseIsCorrelatedBetweenNeighboursUnlikeWhiteNoise() {
        float[] clean = new float[SIDE * SIDE];
        java.util.Arrays.fill(clean, 0.5f);
        float[] out = new CameraPipelineNoise(300, 300, 0, 0, 90, 90).apply(clean, new Random(2));
        double correlation = neighbourCorrelation(out, clean);
        assertTrue(correlation > 0.2, "horizontal neighbour correlation " + correlation);
        float[] white = new GaussianNoiseRange(10, 10).apply(clean, new Random(2));
        assertTrue(Math.abs(neighbourCorrelation(white, clean)) < 0.1);
    }

    @Test
    void fewerPhotonsGiveMoreNoiseAndJpegTakesSomeAway() {
        float[] clean = new float[SIDE * SIDE];
        java.util.Arrays.fill(clean, 0.4f);
        double dim = rms(new CameraPipelineNoise(50, 50, 0, 0, 90, 90).apply(clean, new Random(3)), clean);
        double bright = rms(new CameraPipelineNoise(2000, 2000, 0, 0, 90, 90).apply(clean, new Random(3)), clean);
        double compressed = rms(new CameraPipelineNoise(50, 50, 0, 1, 40, 40).apply(clean, new Random(3)), clean);
        assertTrue(dim > 3 * bright, dim + " vs " + bright);
        assertTrue(compressed < dim, "JPEG at quality 40 smooths noise: " + compressed + " vs " + dim);
    }

    @Test
    void colourWithoutSensorNoiseComesBackToWithinRounding() {
        float[] clean = colourRamp();
        float[] out = new CameraPipelineNoise(1e8, 1e8, 0, 0, 90, 90, 3).apply(clean, new Random(4));
        for (int i = 0; i < clean.length; i++) {
            assertEquals(clean[i], out[i], 1.0 / 255, "value " + i);
        }
    }

    @Test
    void theGrayPhotoIsTheLumaOfTheColourPhotoTheSameDrawsGiveToWithinRounding() {
        float[] gray = ramp();
        float[] asRgb = new float[gray.length * 3];
        for (int i = 0; i < gray.length; i++) {
            asRgb[3 * i] = asRgb[3 * i + 1] = asRgb[3 * i + 2] = gray[i];
        }
        float[] colour = new CameraPipelineNoise(100, 100, 0.01, 0, 90, 90, 3).apply(asRgb, new Random(5));
        float[] luma = new CameraPipelineNoise(100, 100, 0.01, 0, 90, 90, 1).apply(gray, new Random(5));
        double colourNoise = 0;
        for (int i = 0; i < gray.length; i++) {
            double expected = Math.round(255 * (0.299 * colour[3 * i] + 0.587 * colour[3 * i + 1] + 0.114 * colour[3 * i + 2]));
            assertEquals(expected / 255, luma[i], 1.01 / 255, "pixel " + i);
            colourNoise += Math.pow(colour[3 * i] - gray[i], 2);
        }
        // The colour correction's negative weights make each channel far noisier than the luma.
        double red = Math.sqrt(colourNoise / gray.length);
        assertTrue(red > 1.5 * rms(luma, gray), red + " vs " + rms(luma, gray));
    }

    @Test
    void colourJpegKeepsTheChannelsInOrder() {
        float[] clean = colourRamp();
        float[] out = new CameraPipelineNoise(1e8, 1e8, 0, 1, 95, 95, 3).apply(clean, new Random(6));
        assertTrue(rms(out, clean) < 4.0 / 255, "JPEG q95 of a smooth picture: rms " + rms(out, clean) * 255);
    }

    @Test
    void planarEightBitImagesGetTheSameNoiseAsInterleavedValues() {
        float[] interleaved = colourRamp();
        Img<UnsignedByteType> planar = ArrayImgs.unsignedBytes(SIDE, SIDE, 3);
        RandomAccess<UnsignedByteType> access = planar.randomAccess();
        for (int i = 0; i < interleaved.length; i++) {
            access.setPositionAndGet(i / 3 % SIDE, i / 3 / SIDE, i % 3).set(Math.round(255 * interleaved[i]));
        }
        CameraPipelineNoise noise = new CameraPipelineNoise(60, 60, 0.01, 0, 90, 90, 3);
        float[] expected = noise.apply(interleaved, SIDE, SIDE, new Random(7));
        noise.applyTo(planar, 255, new Random(7));
        for (int i = 0; i < interleaved.length; i++) {
            assertEquals(Math.round(255 * expected[i]), access.setPositionAndGet(i / 3 % SIDE, i / 3 / SIDE, i % 3).get(),
                    "value " + i);
        }
        IllegalArgumentException gray = assertThrows(IllegalArgumentException.class,
                () -> new CameraPipelineNoise(60, 60, 0, 0, 90, 90, 1).applyTo(planar, 255, new Random(7)));
        assertTrue(gray.getMessage().contains("1 channel plane(s) of 64x64"), gray.getMessage());
    }

    private static float[] colourRamp() {
        float[] image = new float[SIDE * SIDE * 3];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = 3 * (y * SIDE + x);
                image[i] = Math.round(255 * (0.3 + 0.4 * x / SIDE)) / 255f;
                image[i + 1] = Math.round(255 * (0.35 + 0.3 * y / SIDE)) / 255f;
                image[i + 2] = Math.round(255 * (0.5 - 0.2 * x / SIDE)) / 255f;
            }
        }
        return image;
    }

    private static float[] ramp() {
        float[] image = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                image[y * SIDE + x] = Math.round(255 * (0.1 + 0.8 * (x + y) / (2.0 * SIDE))) / 255f;
            }
        }
        return image;
    }

    private static double neighbourCorrelation(float[] noisy, float[] clean) {
        double sum = 0;
        double squares = 0;
        for (int y = 2; y < SIDE - 2; y++) {
            for (int x = 2; x < SIDE - 3; x++) {
                double a = noisy[y * SIDE + x] - clean[y * SIDE + x];
                double b = noisy[y * SIDE + x + 1] - clean[y * SIDE + x + 1];
                sum += a * b;
                squares += a * a;
            }
        }
        return sum / squares;
    }

    private static double rms(float[] noisy, float[] clean) {
        double sum = 0;
        for (int i = 0; i < clean.length; i++) {
            sum += (noisy[i] - clean[i]) * (noisy[i] - clean[i]);
        }
        return Math.sqrt(sum / clean.length);
    }
}
