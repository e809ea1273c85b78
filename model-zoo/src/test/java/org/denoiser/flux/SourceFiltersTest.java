package org.denoiser.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast filters against their definitions ({@link ReferenceFilters}), bit for bit, on random
 * planes with NaN, infinities and signed zeros, at edge shapes (one row, one column, windows
 * wider than the plane) and on row ranges that do not start at the top; one {@link SourceFilters}
 * serves every case in turn, so buffers left from a larger plane must not leak into a smaller one.
 */
class SourceFiltersTest {
    private static final int[][] SHAPES = {{1, 1}, {1, 9}, {9, 1}, {2, 3}, {5, 40}, {37, 23}, {64, 50}, {3, 2}};
    private static final int[] RADII = {1, 3, 7, 24, 60};
    private static final float SENTINEL = -12345.5f;

    private final SourceFilters filters = new SourceFilters();
    private final Random random = new Random(7);

    @Test
    void minimumAndMaximumEqualTheirDefinition() {
        for (int[] shape : SHAPES) {
            for (int radius : RADII) {
                for (boolean minimum : new boolean[] {true, false}) {
                    float[] a = hostile(shape[0] * shape[1]);
                    float[] expected = ReferenceFilters.extremum(a, shape[0], shape[1], radius, minimum);
                    for (int[] rows : rowRanges(shape[1])) {
                        float[] out = sentinels(a.length);
                        if (minimum) {
                            filters.minimum(a, out, shape[0], shape[1], rows[0], rows[1], radius);
                        } else {
                            filters.maximum(a, out, shape[0], shape[1], rows[0], rows[1], radius);
                        }
                        assertRows(expected, out, shape, rows, (minimum ? "minimum" : "maximum") + " radius " + radius);
                    }
                }
            }
        }
    }

    @Test
    void gaussianEqualsItsDefinition() {
        for (int[] shape : SHAPES) {
            for (double sigma : new double[] {1, 2, 9}) {
                float[] kernel = SourceFilters.gaussianKernel(sigma);
                float[] a = hostile(shape[0] * shape[1]);
                float[] expected = ReferenceFilters.gaussian(a, shape[0], shape[1], kernel);
                for (int[] rows : rowRanges(shape[1])) {
                    float[] out = sentinels(a.length);
                    filters.gaussian(a, out, shape[0], shape[1], rows[0], rows[1], kernel);
                    assertRows(expected, out, shape, rows, "gaussian sigma " + sigma);
                }
            }
        }
    }

    @Test
    void boxMeanEqualsItsRunningSumsAndTheMeanTheyTrack() {
        for (int[] shape : SHAPES) {
            for (int radius : RADII) {
                float[] a = hostile(shape[0] * shape[1]);
                float[] expected = ReferenceFilters.runningBoxMean(a, shape[0], shape[1], radius);
                for (int[] rows : rowRanges(shape[1])) {
                    float[] out = sentinels(a.length);
                    filters.boxMean(a, out, shape[0], shape[1], rows[0], rows[1], radius);
                    assertRows(expected, out, shape, rows, "box mean radius " + radius);
                }
                float[] finite = finite(shape[0] * shape[1]);
                float[] out = new float[finite.length];
                filters.boxMean(finite, out, shape[0], shape[1], 0, shape[1], radius);
                double[] direct = ReferenceFilters.directBoxMean(finite, shape[0], shape[1], radius);
                for (int i = 0; i < out.length; i++) { // values of about 100: the running sums stay within float rounding
                    assertEquals(direct[i], out[i], 1e-6 * 100, "box mean radius " + radius + " pixel " + i);
                }
            }
        }
    }

    /** Whole plane, one row at the top, one at the bottom, a middle range, and nothing. */
    private int[][] rowRanges(int height) {
        int from = random.nextInt(height);
        int to = from + 1 + random.nextInt(height - from);
        return new int[][] {{0, height}, {0, 1}, {height - 1, height}, {from, to}, {from, from}};
    }

    /** Noise about 100 with NaN, infinities, zeros of both signs and extremes sprinkled in. */
    private float[] hostile(int n) {
        float[] a = finite(n);
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MAX_VALUE,
            -Float.MAX_VALUE, Float.MIN_VALUE};
        for (int i = 0; i < n; i++) {
            if (random.nextInt(12) == 0) {
                a[i] = special[random.nextInt(special.length)];
            }
        }
        return a;
    }

    private float[] finite(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (100 + 30 * random.nextGaussian());
        }
        return a;
    }

    private static float[] sentinels(int n) {
        float[] out = new float[n];
        Arrays.fill(out, SENTINEL);
        return out;
    }

    /** Rows {@code from .. to - 1} as the definition has them, bit for bit (NaN as NaN); other rows untouched. */
    private static void assertRows(float[] expected, float[] actual, int[] shape, int[] rows, String what) {
        int width = shape[0];
        for (int i = 0; i < actual.length; i++) {
            int y = i / width;
            float wanted = y >= rows[0] && y < rows[1] ? expected[i] : SENTINEL;
            if (Float.floatToIntBits(wanted) != Float.floatToIntBits(actual[i])) {
                fail(what + " on " + shape[0] + " x " + shape[1] + ", rows " + rows[0] + ".." + (rows[1] - 1)
                        + ": pixel " + (i % width) + ", " + y + " is " + actual[i] + ", definition " + wanted);
            }
        }
    }
}
