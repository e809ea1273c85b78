package org.denoiser.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.FinalInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.ConstantUtils;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    /** Nearest-rank percentile of the sorted values 0, 1, ..., n-1. */
    private static double nearestRankOfRamp(double percent, int n) {
        return Math.max(1, Math.ceil(percent / 100 * n)) - 1;
    }

    @Test
    void sixteenBitRampIsExact() {
        ArrayImg<UnsignedShortType, ?> ramp = ArrayImgs.unsignedShorts(256, 256);
        int i = 0;
        for (UnsignedShortType pixel : ramp) {
            pixel.set(i++);
        }
        double[] percents = {0, 0.1, 25, 50, 99.9, 100};
        double[] expected = new double[percents.length];
        for (int k = 0; k < percents.length; k++) {
            expected[k] = nearestRankOfRamp(percents[k], 65536);
        }
        assertArrayEquals(expected, Percentiles.of(ramp, percents), 0);
    }

    @Test
    void floatRampIsWithinOneBin() {
        int n = 100_000;
        ArrayImg<FloatType, ?> ramp = ArrayImgs.floats(n);
        int i = 0;
        for (FloatType pixel : ramp) {
            pixel.set(i++ / 1000f); // 0 .. 99.999
        }
        double binWidth = 99.999 / 65536;
        double[] percents = {0.1, 25, 50, 99.9};
        double[] actual = Percentiles.of(ramp, percents);
        for (int k = 0; k < percents.length; k++) {
            double expected = nearestRankOfRamp(percents[k], n) / 1000;
            assertEquals(expected, actual[k], binWidth, "percentile " + percents[k]);
        }
        assertArrayEquals(new double[] {0, 99.999}, Percentiles.of(ramp, 0, 100), 1e-4);
    }

    @Test
    void ignoresNanAndInfinity() {
        float[] values = {Float.NaN, 1, 2, Float.POSITIVE_INFINITY, 3, 4, Float.NEGATIVE_INFINITY};
        double[] minMax = Percentiles.of(ArrayImgs.floats(values, values.length), 0, 100);
        assertArrayEquals(new double[] {1, 4}, minMax, 0);
    }

    @Test
    void noFinitePixelGivesNan() {
        float[] values = {Float.NaN, Float.POSITIVE_INFINITY};
        assertTrue(Double.isNaN(Percentiles.of(ArrayImgs.floats(values, 2), 50)[0]));
    }

    @Test
    void streamsOverVirtualImagesWithoutCopying() {
        // 3 million pixels that exist only as a view.
        var constant = ConstantUtils.constantRandomAccessibleInterval(
                new UnsignedShortType(7), new FinalInterval(3000, 1000));
        assertArrayEquals(new double[] {7, 7}, Percentiles.of(Views.flatIterable(constant), 0.1, 99.9), 0);
    }

    @Test
    void histogramCountsBeyondIntRange() {
        LongHistogram histogram = new LongHistogram(3);
        histogram.add(0, 3_000_000_000L);
        histogram.add(1, 1_000_000_000L);
        histogram.add(2, 2_000_000_000L);
        assertEquals(6_000_000_000L, histogram.total());
        assertEquals(0, histogram.binOfRank(histogram.rankOfPercentile(50)));
        assertEquals(1, histogram.binOfRank(histogram.rankOfPercentile(50.001)));
        assertEquals(2, histogram.binOfRank(histogram.rankOfPercentile(70)));
        assertEquals(4_000_000_000L, histogram.countBelow(2));
    }

    @Test
    void rejectsPercentOutsideRange() {
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(4);
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(img, 101));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(img, Double.NaN));
    }
}
