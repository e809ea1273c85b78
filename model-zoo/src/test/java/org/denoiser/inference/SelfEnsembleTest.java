package org.denoiser.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.denoiser.tiling.TileProcessor;
import org.junit.jupiter.api.Test;

/**
 * The 8 orientations with stand-in networks whose answers are known: a network that copies each
 * pixel's right-hand neighbour, seen in all 8 orientations, copies the left, right, upper and lower
 * neighbour twice each, so the ensemble is their mean; a network that treats every direction alike
 * comes out unchanged.
 */
class SelfEnsembleTest {
    private static final int WIDTH = 7;
    private static final int HEIGHT = 5;

    @Test
    void aNetworkThatLooksRightBecomesTheMeanOfTheFourNeighbours() {
        float[] tile = random(WIDTH * HEIGHT, 1);
        float[] result = new SelfEnsemble(rightNeighbour(1), 1).process(tile, WIDTH, HEIGHT);
        for (int y = 1; y < HEIGHT - 1; y++) {
            for (int x = 1; x < WIDTH - 1; x++) {
                float mean = (tile[y * WIDTH + x - 1] + tile[y * WIDTH + x + 1] + tile[(y - 1) * WIDTH + x]
                        + tile[(y + 1) * WIDTH + x]) / 4;
                assertEquals(mean, result[y * WIDTH + x], 1e-6, "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void coloursStayWithTheirPixelAndTheNetworkSeesTheTileTransposed() {
        int channels = 3;
        float[] tile = random(WIDTH * HEIGHT * channels, 2);
        Set<List<Integer>> shapes = new HashSet<>();
        TileProcessor network = rightNeighbour(channels);
        TileProcessor recording = (pixels, width, height) -> {
            shapes.add(List.of(width, height));
            return network.process(pixels, width, height);
        };
        float[] result = new SelfEnsemble(recording, channels).process(tile, WIDTH, HEIGHT);
        assertEquals(Set.of(List.of(WIDTH, HEIGHT), List.of(HEIGHT, WIDTH)), shapes);
        int x = 3;
        int y = 2;
        for (int c = 0; c < channels; c++) {
            float mean = (at(tile, x - 1, y, c, channels) + at(tile, x + 1, y, c, channels)
                    + at(tile, x, y - 1, c, channels) + at(tile, x, y + 1, c, channels)) / 4;
            assertEquals(mean, at(result, x, y, c, channels), 1e-6, "channel " + c);
        }
    }

    @Test
    void aNetworkBlindToOrientationIsUnchanged() {
        float[] tile = random(WIDTH * HEIGHT, 3);
        TileProcessor boxMean = SelfEnsembleTest::boxMean;
        assertArrayEquals(boxMean.process(tile, WIDTH, HEIGHT),
                new SelfEnsemble(boxMean, 1).process(tile, WIDTH, HEIGHT), 1e-6f);
    }

    @Test
    void aTileHasAtLeastOneChannel() {
        assertThrows(IllegalArgumentException.class, () -> new SelfEnsemble(SelfEnsembleTest::boxMean, 0));
    }

    /** Each pixel gets its right-hand neighbour's values (the last column keeps its own). */
    private static TileProcessor rightNeighbour(int channels) {
        return (pixels, width, height) -> {
            float[] out = new float[pixels.length];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int from = (y * width + Math.min(x + 1, width - 1)) * channels;
                    System.arraycopy(pixels, from, out, (y * width + x) * channels, channels);
                }
            }
            return out;
        };
    }

    /** The mean of each pixel's 3 x 3 neighbourhood, edges repeated: the same in every orientation. */
    private static float[] boxMean(float[] pixels, int width, int height) {
        float[] out = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.max(0, Math.min(width - 1, x + dx));
                        int yy = Math.max(0, Math.min(height - 1, y + dy));
                        sum += pixels[yy * width + xx];
                    }
                }
                out[y * width + x] = sum / 9;
            }
        }
        return out;
    }

    private static float at(float[] tile, int x, int y, int c, int channels) {
        return tile[(y * WIDTH + x) * channels + c];
    }

    private static float[] random(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return values;
    }
}
