package org.denoiser.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.ImgUtil;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void eightBitRoundTripIsExactAndFixed() {
        ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(256, 1);
        int i = 0;
        for (UnsignedByteType pixel : img) {
            pixel.set(i++);
        }
        Normalization n = Normalizations.fit(img);
        assertEquals(Normalization.FIXED_8BIT, n, "the model's uint8 rule, fixed-range 0..255");
        assertEquals(1f, n.forward(255));

        ArrayImg<UnsignedByteType, ?> back = ArrayImgs.unsignedBytes(256, 1);
        n.inverseInto(copy(n.forwardView(img)), img, back);
        assertSameIntegers(img, back);
    }

    @Test
    void sixteenBitRoundTripIsExact() {
        ArrayImg<UnsignedShortType, ?> img = ArrayImgs.unsignedShorts(256, 256);
        int i = 0;
        for (UnsignedShortType pixel : img) {
            pixel.set(i * 7919 % 65536); // every value once, in a scrambled order
            i++;
        }
        Normalization n = Normalizations.fit(img);
        assertEquals(65, n.low()); // 0.1th percentile of 0..65535: rank ceil(65.536) = 66
        assertEquals(65470, n.high()); // 99.9th: rank ceil(65470.464) = 65471

        ArrayImg<UnsignedShortType, ?> back = ArrayImgs.unsignedShorts(256, 256);
        n.inverseInto(copy(n.forwardView(img)), img, back);
        assertSameIntegers(img, back);
    }

    @Test
    void floatRoundTripIsWithinOneMillionthOfTheRange() {
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(100, 80);
        int i = 0;
        for (FloatType pixel : img) {
            pixel.set((float) (1000 * Math.sin(i * 0.37) + 200 + 1e-3 * i));
            i++;
        }
        Normalization n = Normalizations.fit(img);
        ArrayImg<FloatType, ?> back = ArrayImgs.floats(100, 80);
        n.inverseInto(copy(n.forwardView(img)), img, back);

        Cursor<FloatType> a = img.cursor();
        Cursor<FloatType> b = back.cursor();
        while (a.hasNext()) {
            float original = a.next().get();
            assertEquals(original, b.next().get(), 1e-6 * n.scale());
        }
    }

    @Test
    void nonFinitePixelsAreFilledForTheNetworkAndRestoredAfterwards() {
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(20, 20);
        int i = 0;
        for (FloatType pixel : img) {
            pixel.set(i++ % 37);
        }
        set(img, 3, 4, Float.NaN);
        set(img, 10, 10, Float.POSITIVE_INFINITY);
        set(img, 0, 19, Float.NEGATIVE_INFINITY);

        Normalization n = Normalizations.fit(img);
        assertEquals(0, n.low(), "percentiles must ignore -Inf");
        assertEquals(36, n.high(), "percentiles must ignore +Inf");

        RandomAccessibleInterval<FloatType> normalized = n.forwardView(img);
        assertEquals(n.fill(), normalized.getAt(3, 4).get());
        ArrayImg<FloatType, ?> networkOut = boxFilter3x3(normalized);
        for (FloatType pixel : networkOut) {
            assertTrue(Float.isFinite(pixel.get()), "a non-finite value reached the network");
        }

        ArrayImg<FloatType, ?> back = ArrayImgs.floats(20, 20);
        n.inverseInto(networkOut, img, back);
        assertTrue(Float.isNaN(back.getAt(3, 4).get()));
        assertEquals(Float.POSITIVE_INFINITY, back.getAt(10, 10).get());
        assertEquals(Float.NEGATIVE_INFINITY, back.getAt(0, 19).get());
        long nonFinite = 0;
        for (FloatType pixel : back) {
            nonFinite += Float.isFinite(pixel.get()) ? 0 : 1;
        }
        assertEquals(3, nonFinite);
    }

    @Test
    void flatImageDoesNotDivideByZero() {
        ArrayImg<UnsignedShortType, ?> flat = ArrayImgs.unsignedShorts(30, 30);
        flat.forEach(p -> p.set(1000));
        Normalization n = Normalizations.fit(flat);
        assertEquals((float) Normalization.HEADROOM_BASE, n.forward(1000));
        assertEquals(1000, n.inverse((float) Normalization.HEADROOM_BASE), 1e-3);
        ArrayImg<UnsignedShortType, ?> back = ArrayImgs.unsignedShorts(30, 30);
        n.inverseInto(copy(n.forwardView(flat)), flat, back);
        assertSameIntegers(flat, back);
    }

    @Test
    void mostlyFlatImageFallsBackToMinAndMax() {
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(100, 100); // 10000 zeros
        set(img, 5, 5, 500);
        set(img, 50, 50, 250);
        Normalization n = Normalizations.fit(img);
        assertEquals(0, n.low());
        assertEquals(500, n.high());
    }

    @Test
    void integerOutputIsRoundedAndClamped() {
        ArrayImg<UnsignedByteType, ?> original = ArrayImgs.unsignedBytes(3, 1);
        ArrayImg<FloatType, ?> networkOut = ArrayImgs.floats(new float[] {1.5f, -0.2f, 0.5f}, 3, 1);
        ArrayImg<UnsignedByteType, ?> back = ArrayImgs.unsignedBytes(3, 1);
        Normalization.FIXED_8BIT.inverseInto(networkOut, original, back);
        assertEquals(255, back.getAt(0, 0).get());
        assertEquals(0, back.getAt(1, 0).get());
        assertEquals(128, back.getAt(2, 0).get()); // 127.5 rounds to even: 128
    }

    @Test
    void rejectsUnsupportedPixelTypesWithAClearMessage() {
        UnsupportedPixelTypeException e = assertThrows(UnsupportedPixelTypeException.class,
                () -> Normalizations.fit(ArrayImgs.bytes(4, 4)));
        assertTrue(e.getMessage().contains(ByteType.class.getSimpleName()), e.getMessage());
    }

    @Test
    void rejectsBadPercentiles() {
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(4, 4);
        assertThrows(IllegalArgumentException.class, () -> Normalizations.fitPercentiles(img, 50, 50));
        assertThrows(IllegalArgumentException.class, () -> Normalizations.fitPercentiles(img, -1, 50));
    }

    private static ArrayImg<FloatType, ?> copy(RandomAccessibleInterval<FloatType> view) {
        ArrayImg<FloatType, ?> result = ArrayImgs.floats(view.dimensionsAsLongArray());
        ImgUtil.copy(view, result);
        return result;
    }

    private static void set(ArrayImg<FloatType, ?> img, int x, int y, float value) {
        img.getAt(x, y).set(value);
    }

    /** Stands in for the network: any local operator spreads a NaN to its neighbours. */
    private static ArrayImg<FloatType, ?> boxFilter3x3(RandomAccessibleInterval<FloatType> in) {
        int w = (int) in.dimension(0);
        int h = (int) in.dimension(1);
        ArrayImg<FloatType, ?> out = ArrayImgs.floats(w, h);
        RandomAccess<FloatType> access = in.randomAccess();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int sx = Math.min(w - 1, Math.max(0, x + dx));
                        int sy = Math.min(h - 1, Math.max(0, y + dy));
                        sum += access.setPositionAndGet(sx, sy).get();
                    }
                }
                out.getAt(x, y).set(sum / 9);
            }
        }
        return out;
    }

    private static void assertSameIntegers(RandomAccessibleInterval<? extends RealType<?>> expected,
            RandomAccessibleInterval<? extends RealType<?>> actual) {
        Cursor<? extends RealType<?>> a = expected.cursor();
        Cursor<? extends RealType<?>> b = actual.cursor();
        while (a.hasNext()) {
            assertEquals(a.next().getRealDouble(), b.next().getRealDouble(), 0, "at index");
        }
    }
}
