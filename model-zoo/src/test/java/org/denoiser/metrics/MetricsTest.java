package org.denoiser.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;
import org.denoiser.api.ImageTooSmallException;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final int W = 40;
    private static final int H = 32;

    /** Deterministic textured reference, 0..255 (no random generator, so Python can redo it). */
    private static double reference(int x, int y) {
        return (3 * x + 5 * y + (x * x + 3 * y * y) % 23) % 256;
    }

    /** Reference plus a deterministic "noise" of -10..10. */
    private static double test(int x, int y) {
        return reference(x, y) + (x * 31 + y * 17) % 21 - 10;
    }

    /*
     * Reference values computed once with Debian's python3-skimage 0.19.3 (float64 images of
     * shape (H, W) = (32, 40), y, x = np.mgrid[0:32, 0:40], formulas as above):
     *   structural_similarity(ref, test, gaussian_weights=True, sigma=1.5,
     *       use_sample_covariance=False, data_range=255)                    -> 0.8881301821245615
     *   peak_signal_noise_ratio(ref, test, data_range=255)                  -> 32.48775002498242
     *   structural_similarity(ref / 255, np.clip(test / 255, 0, 1), ..., data_range=1.0)
     *                                                                       -> 0.8881549977886264
     */
    @Test
    void ssimMatchesScikitImage() {
        assertEquals(0.8881301821245615,
                Ssim.compute(image((x, y) -> reference(x, y)), image((x, y) -> test(x, y)), 255),
                1e-6);
        assertEquals(0.8881549977886264, Ssim.compute(image((x, y) -> reference(x, y) / 255),
                image((x, y) -> Math.min(1, Math.max(0, test(x, y) / 255))), 1.0), 1e-6);
    }

    @Test
    void psnrMatchesScikitImage() {
        assertEquals(32.48775002498242,
                Psnr.compute(image((x, y) -> reference(x, y)), image((x, y) -> test(x, y)), 255),
                1e-9);
    }

    @Test
    void psnrOfAConstantOffsetIsTwentyLogRangeOverOffset() {
        ArrayImg<DoubleType, ?> ref = image((x, y) -> reference(x, y));
        ArrayImg<DoubleType, ?> shifted = image((x, y) -> reference(x, y) + 4);
        assertEquals(20 * Math.log10(255 / 4.0), Psnr.compute(ref, shifted, 255), 1e-9);
        assertEquals(20 * Math.log10(1000 / 4.0), Psnr.compute(ref, shifted, 1000), 1e-9);
    }

    @Test
    void psnr8bitClipsTheTestImageFirst() {
        ArrayImg<DoubleType, ?> ref = image((x, y) -> 250);
        ArrayImg<DoubleType, ?> test = image((x, y) -> 260);
        assertEquals(20 * Math.log10(255 / 10.0), Psnr.compute(ref, test, 255), 1e-9);
        assertEquals(20 * Math.log10(255 / 5.0), Psnr.psnr8bit(ref, test), 1e-9);
    }

    @Test
    void identicalImagesHavePsnrInfinityAndSsimOne() {
        ArrayImg<DoubleType, ?> a = image((x, y) -> reference(x, y));
        ArrayImg<DoubleType, ?> b = image((x, y) -> reference(x, y));
        assertEquals(Double.POSITIVE_INFINITY, Psnr.compute(a, b, 255));
        assertEquals(Double.POSITIVE_INFINITY, Psnr.psnr8bit(a, b));
        assertEquals(1.0, Ssim.compute(a, b, 255), 1e-12);
    }

    @Test
    void ssimOfTwoConstantImagesFollowsTheLuminanceTerm() {
        // Both variances and the covariance are 0, so SSIM = (2ab + C1) / (a^2 + b^2 + C1).
        double a = 100;
        double b = 120;
        double c1 = (0.01 * 255) * (0.01 * 255);
        double expected = (2 * a * b + c1) / (a * a + b * b + c1);
        assertEquals(expected, Ssim.compute(image((x, y) -> a), image((x, y) -> b), 255), 1e-9);
    }

    @Test
    void rejectsMismatchedAndTooSmallImages() {
        assertThrows(IllegalArgumentException.class,
                () -> Psnr.compute(ArrayImgs.doubles(4, 4), ArrayImgs.doubles(4, 5), 1));
        assertThrows(IllegalArgumentException.class,
                () -> Psnr.compute(ArrayImgs.doubles(4, 4), ArrayImgs.doubles(4, 4), 0));
        assertThrows(ImageTooSmallException.class,
                () -> Ssim.compute(ArrayImgs.doubles(10, 40), ArrayImgs.doubles(10, 40), 1));
        assertThrows(IllegalArgumentException.class,
                () -> Ssim.compute(ArrayImgs.doubles(20, 20, 2), ArrayImgs.doubles(20, 20, 2), 1));
    }

    private interface PixelFormula {
        double at(int x, int y);
    }

    private static ArrayImg<DoubleType, ?> image(PixelFormula formula) {
        ArrayImg<DoubleType, ?> img = ArrayImgs.doubles(W, H);
        Cursor<DoubleType> c = img.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            c.get().set(formula.at(c.getIntPosition(0), c.getIntPosition(1)));
        }
        return img;
    }

    @Test
    void dataRangeIsTheReferencesFiniteMinToMaxAndOneWhenFlat() {
        assertEquals(7.5, Psnr.dataRangeOf(net.imglib2.img.array.ArrayImgs.floats(
                new float[] {2f, Float.NaN, 9.5f, Float.POSITIVE_INFINITY, 4f}, 5)), 0);
        assertEquals(1, Psnr.dataRangeOf(net.imglib2.img.array.ArrayImgs.floats(new float[] {3f, 3f}, 2)), 0);
    }
}
