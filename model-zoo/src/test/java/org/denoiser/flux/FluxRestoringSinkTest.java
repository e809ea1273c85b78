package org.denoiser.flux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.normalize.Normalization;
import org.denoiser.tiling.Tiler;
import org.junit.jupiter.api.Test;

/**
 * {@link FluxRestoringSink} and {@link FluxRestoration} without a network: the "network output"
 * is a known image handed to the sink as the tiler would, so what restoration does is exact.
 */
class FluxRestoringSinkTest {
    private static final double SIGMA = 10;
    private static final Normalization MAP = Normalization.withHeadroom(0, 50 * SIGMA, 0.2f);

    @Test
    void bandsGiveWhatOneWindowOverTheWholePlaneGives() {
        for (int height : new int[] {1, 7, FluxRestoringSink.BAND, 61, 200}) {
            int width = 37;
            float[] input = noisySky(width, height, 1);
            float[] output = smoothed(input, width, height);
            float[] streamed = run(input, output, width, height, false);
            float[] whole = wholePlane(input, output, width, height);
            assertArrayEquals(whole, streamed, 1e-3f, "height " + height);
        }
    }

    @Test
    void inPlaceGivesWhatASeparateTargetGives() {
        int width = 64;
        int height = 150;
        float[] input = noisySky(width, height, 2);
        float[] output = smoothed(input, width, height);
        assertArrayEquals(run(input, output, width, height, false), run(input, output, width, height, true));
    }

    @Test
    void aShrunkFaintSourceGetsItsFluxBackAndTheSkyItsLevel() {
        int width = 96;
        int height = 96;
        float[] truth = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double r2 = (x - 48.0) * (x - 48) + (y - 48.0) * (y - 48);
                truth[y * width + x] = (float) (100 + 60 * Math.exp(-r2 / (2 * 1.6 * 1.6)));
            }
        }
        // a network that shrinks the source to 90 % and lowers the sky by 0.1 sigma, noise-free input
        float[] network = new float[truth.length];
        for (int i = 0; i < truth.length; i++) {
            network[i] = (float) (100 - 0.1 * SIGMA + 0.9 * (truth[i] - 100));
        }
        float[] restored = run(truth, network, width, height, false);
        double lostBefore = flux(truth, width, 48, 48, 5) - flux(network, width, 48, 48, 5);
        double lostAfter = flux(truth, width, 48, 48, 5) - flux(restored, width, 48, 48, 5);
        assertTrue(lostBefore > 0.1 * flux(truth, width, 48, 48, 5), "the test's network must lose flux");
        // what stays lost is the part of the smoothed residual that falls outside the aperture
        assertTrue(Math.abs(lostAfter) < 0.2 * lostBefore && Math.abs(lostAfter) < 0.02 * flux(truth, width, 48, 48, 5),
                "flux lost after restoration " + lostAfter + " of " + flux(truth, width, 48, 48, 5) + ", before " + lostBefore);
        assertEquals(100, restored[5 * width + 5], 0.01, "the sky's level far from the source");
    }

    @Test
    void nonFinitePixelsStayAndDoNotSpread() {
        int width = 40;
        int height = 40;
        float[] input = noisySky(width, height, 3);
        input[20 * width + 20] = Float.NaN;
        input[3 * width + 7] = Float.POSITIVE_INFINITY;
        float[] output = smoothed(input, width, height);
        output[20 * width + 20] = 100; // what the network makes of the fill value
        output[3 * width + 7] = 100;
        float[] restored = run(input, output, width, height, false);
        assertTrue(Float.isNaN(restored[20 * width + 20]));
        assertEquals(Float.POSITIVE_INFINITY, restored[3 * width + 7]);
        for (int i = 0; i < restored.length; i++) {
            if (i != 20 * width + 20 && i != 3 * width + 7) {
                assertTrue(Float.isFinite(restored[i]), "pixel " + i);
            }
        }
    }

    @Test
    void rowsMustArriveWholeAndInOrder() {
        ArrayImg<FloatType, FloatArray> plane = ArrayImgs.floats(10, 10);
        FluxRestoringSink sink = new FluxRestoringSink(new FluxRestoration(SIGMA), MAP, plane, ArrayImgs.floats(10, 10));
        float[] row = new float[10];
        assertThrows(IllegalStateException.class, () -> sink.write(0, 1, row, 0, 10));
        assertThrows(IllegalStateException.class, () -> sink.write(2, 0, row, 0, 8));
    }

    /** The sink fed row by row as the tiler feeds it; {@code inPlace} writes over the input. */
    private static float[] run(float[] input, float[] output, int width, int height, boolean inPlace) {
        float[] in = input.clone();
        float[] target = inPlace ? in : new float[in.length];
        FluxRestoringSink sink = new FluxRestoringSink(new FluxRestoration(SIGMA), MAP,
                ArrayImgs.floats(in, width, height), ArrayImgs.floats(target, width, height));
        float[] row = new float[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = MAP.forward(output[y * width + x]);
            }
            sink.write(0, y, row, 0, width);
        }
        return target;
    }

    /** One window holding the whole plane and REACH mirrored rows above and below it. */
    private static float[] wholePlane(float[] input, float[] output, int width, int height) {
        int reach = FluxRestoration.REACH;
        int rows = height + 2 * reach;
        float[] denoised = new float[rows * width];
        float[] residual = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            int y = (int) Tiler.mirror(r - reach, height);
            for (int x = 0; x < width; x++) {
                float value = (float) MAP.inverse(MAP.forward(output[y * width + x]), input[y * width + x]);
                denoised[r * width + x] = value;
                residual[r * width + x] = input[y * width + x] - value;
            }
        }
        float[] corrections = new float[width * height];
        new FluxRestoration(SIGMA).corrections(denoised, residual, width, rows, reach, height, corrections);
        float[] result = new float[width * height];
        for (int i = 0; i < result.length; i++) {
            result[i] = denoised[reach * width + i] + corrections[i];
        }
        return result;
    }

    private static float[] noisySky(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] a = new float[width * height];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (100 + SIGMA * random.nextGaussian());
        }
        a[(height / 2) * width + width / 2] += 300; // a source
        return a;
    }

    /** A stand-in network: a 3 x 3 mean. */
    private static float[] smoothed(float[] a, int width, int height) {
        float[] out = new float[a.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < height && xx >= 0 && xx < width && Float.isFinite(a[yy * width + xx])) {
                            sum += a[yy * width + xx];
                            n++;
                        }
                    }
                }
                out[y * width + x] = (float) (sum / Math.max(1, n));
            }
        }
        return out;
    }

    private static double flux(float[] image, int width, int cx, int cy, int radius) {
        double sum = 0;
        for (int y = cy - radius; y <= cy + radius; y++) {
            for (int x = cx - radius; x <= cx + radius; x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
                    sum += image[y * width + x] - 100;
                }
            }
        }
        return sum;
    }
}
