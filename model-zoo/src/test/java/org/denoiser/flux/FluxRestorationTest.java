package org.denoiser.flux;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FluxRestoration#corrections}, which computes each step only on the rows later steps
 * read, against the same steps done by their definitions on the whole window, bit for bit.
 */
class FluxRestorationTest {
    private static final double SIGMA = 10;

    @Test
    void correctionsEqualTheStepsDoneOnTheWholeWindow() {
        Random random = new Random(11);
        FluxRestoration restoration = new FluxRestoration(SIGMA); // one, so buffers carry over between cases
        int reach = FluxRestoration.REACH;
        int[][] cases = { // width, window rows, first, count, infinite pixels: the sink's band, its last
            // band, a one-pixel-wide plane, windows without the reach the contract asks for, and a 64-bit
            // value beyond float's range (its NaN spreads through the level's running sums: the same in both)
            {57, 128 + 2 * reach, reach, 128, 0}, {57, 5 + 2 * reach, reach, 5, 0}, {1, 3 + 2 * reach, reach, 3, 0},
            {40, 30, 0, 30, 0}, {33, 70, 10, 20, 0}, {33, 70, 10, 20, 1}};
        for (int[] c : cases) {
            int width = c[0];
            int height = c[1];
            float[] denoised = starField(width, height, random);
            float[] residual = new float[width * height];
            for (int i = 0; i < residual.length; i++) {
                residual[i] = (float) (SIGMA * random.nextGaussian());
            }
            if (c[4] > 0) {
                denoised[random.nextInt(denoised.length)] = Float.POSITIVE_INFINITY;
            }
            float[] actual = new float[c[3] * width];
            restoration.corrections(denoised, residual, width, height, c[2], c[3], actual);
            float[] expected = reference(denoised, residual, width, height, c[2], c[3]);
            for (int i = 0; i < expected.length; i++) {
                if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                    fail(width + " x " + height + " window, rows " + c[2] + ".." + (c[2] + c[3] - 1) + ": pixel "
                            + i % width + ", " + (c[2] + i / width) + " is " + actual[i] + ", whole-window steps give "
                            + expected[i]);
                }
            }
        }
    }

    /** Every step of {@link FluxRestoration} on every row of the window, with the reference filters. */
    private static float[] reference(float[] denoised, float[] residual, int width, int height, int first, int count) {
        float[] sourceKernel = SourceFilters.gaussianKernel(FluxRestoration.SOURCE_BLUR);
        float[] smooth = ReferenceFilters.gaussian(denoised, width, height, sourceKernel);
        float[] opened = ReferenceFilters.extremum(
                ReferenceFilters.extremum(smooth, width, height, FluxRestoration.BACKGROUND_RADIUS, true),
                width, height, FluxRestoration.BACKGROUND_RADIUS, false);
        float[] gate = new float[smooth.length];
        for (int i = 0; i < gate.length; i++) {
            gate[i] = FluxRestoration.gateOf(smooth[i], opened[i], SIGMA);
        }
        float[] weight = ReferenceFilters.gaussian(
                ReferenceFilters.extremum(gate, width, height, FluxRestoration.WIDEN_RADIUS, false),
                width, height, sourceKernel);
        float[] putBack = ReferenceFilters.gaussian(residual, width, height,
                SourceFilters.gaussianKernel(FluxRestoration.RESIDUAL_BLUR));
        float[] away = new float[weight.length];
        float[] awayResidual = new float[weight.length];
        for (int i = 0; i < away.length; i++) {
            away[i] = 1 - Math.min(1, weight[i]);
            awayResidual[i] = away[i] * residual[i];
        }
        float[] awayMean = ReferenceFilters.runningBoxMean(away, width, height, FluxRestoration.LEVEL_RADIUS);
        float[] awayResidualMean = ReferenceFilters.runningBoxMean(awayResidual, width, height,
                FluxRestoration.LEVEL_RADIUS);
        float[] corrections = new float[count * width];
        for (int i = 0; i < corrections.length; i++) {
            int at = first * width + i;
            corrections[i] = FluxRestoration.correction(weight[at], putBack[at], awayMean[at], awayResidualMean[at]);
        }
        return corrections;
    }

    /** Sky of 100 with noise SIGMA and a few stars of 2..40 sigma peak. */
    private static float[] starField(int width, int height, Random random) {
        float[] a = new float[width * height];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (100 + SIGMA * random.nextGaussian());
        }
        for (int star = 0; star < 8; star++) {
            int cx = random.nextInt(width);
            int cy = random.nextInt(height);
            double peak = SIGMA * (2 + 38 * random.nextDouble());
            for (int y = Math.max(0, cy - 6); y < Math.min(height, cy + 7); y++) {
                for (int x = Math.max(0, cx - 6); x < Math.min(width, cx + 7); x++) {
                    a[y * width + x] += (float) (peak * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 4.5));
                }
            }
        }
        return a;
    }
}
