package org.denoiser.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenoiserTest {
    private static Denoiser untiled;
    private static Denoiser smallTiles;

    @BeforeAll
    static void load() {
        untiled = BundledModels.seed().tileSize(1024).build(); // one tile for every test plane here (at most 203 px)
        smallTiles = BundledModels.seed().tileSize(40).build();
    }

    @AfterAll
    static void close() {
        untiled.close();
        smallTiles.close();
    }

    private static float[] randomPlane(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[width * height];
        for (int i = 0; i < pixels.length; i++) {
            // Smooth structure plus noise, like a real noisy image, in the model's 0..1 range.
            int x = i % width;
            int y = i / width;
            pixels[i] = (float) (0.5 + 0.3 * Math.sin(x / 7.0) * Math.cos(y / 5.0) + 0.2 * random.nextGaussian());
        }
        return pixels;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"203,117", "40,40", "41,39", "17,9", "1,50", "50,1", "1,1", "160,3"})
    void tiledEqualsUntiled(int width, int height) {
        float[] pixels = randomPlane(width, height, width * 31L + height);
        float[] whole = untiled.denoisePlane(pixels, width, height);
        float[] tiled = smallTiles.denoisePlane(pixels, width, height);
        float maxDiff = 0;
        for (int i = 0; i < whole.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(whole[i] - tiled[i]));
        }
        assertTrue(maxDiff < 1e-4, "max abs diff " + maxDiff);
    }

    @Test
    void tooLittleOverlapChangesTheResultSoTheTilingTestCanFail() {
        int width = 203;
        int height = 117;
        float[] pixels = randomPlane(width, height, 5);
        float[] whole = untiled.denoisePlane(pixels, width, height);
        try (Denoiser noOverlap = BundledModels.seed().tileSize(40).overlap(0).build()) {
            float[] tiled = noOverlap.denoisePlane(pixels, width, height);
            float maxDiff = 0;
            for (int i = 0; i < whole.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(whole[i] - tiled[i]));
            }
            assertTrue(maxDiff > 1e-3, "max abs diff " + maxDiff);
        }
    }

    @Test
    void keepsTypeAndSizeFor8Bit16BitAnd32Bit() {
        Img<UnsignedByteType> camera = TestImages.camera();
        Img<UnsignedByteType> out8 = smallTiles.denoise(Views.interval(camera, Intervals.createMinSize(0, 0, 100, 60)));
        assertEquals(UnsignedByteType.class, out8.firstElement().getClass());
        assertArrayEquals(new long[] {100, 60}, out8.dimensionsAsLongArray());

        CleanNoisyPair<UnsignedShortType> timeLapse = SyntheticImages.fluorescenceTimeLapse(1, 64, 48, 3);
        Img<UnsignedShortType> out16 = smallTiles.denoise(timeLapse.noisy());
        assertEquals(UnsignedShortType.class, out16.firstElement().getClass());
        assertArrayEquals(timeLapse.noisy().dimensionsAsLongArray(), out16.dimensionsAsLongArray());
        assertInRangeOf(timeLapse.noisy(), out16, 0.25);

        CleanNoisyPair<FloatType> sky = SyntheticImages.astronomyFrame(2, 64, 64);
        Img<FloatType> out32 = smallTiles.denoise(sky.noisy());
        assertArrayEquals(sky.noisy().dimensionsAsLongArray(), out32.dimensionsAsLongArray());
        assertInRangeOf(sky.noisy(), out32, 0.25);
    }

    /** The result lies in the input's value range (within a margin): scaling back to units worked. */
    private static <T extends RealType<T>> void assertInRangeOf(RandomAccessibleInterval<T> in, RandomAccessibleInterval<T> out,
            double margin) {
        double[] inRange = range(in);
        double[] outRange = range(out);
        double slack = margin * (inRange[1] - inRange[0]);
        assertTrue(outRange[0] >= inRange[0] - slack && outRange[1] <= inRange[1] + slack,
                "output range " + outRange[0] + ".." + outRange[1] + " vs input " + inRange[0] + ".." + inRange[1]);
        assertTrue(outRange[1] > outRange[0], "output is not flat");
    }

    private static <T extends RealType<T>> double[] range(RandomAccessibleInterval<T> image) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (T p : Views.iterable(image)) {
            min = Math.min(min, p.getRealDouble());
            max = Math.max(max, p.getRealDouble());
        }
        return new double[] {min, max};
    }

    @Test
    void nanAndInfinityStayWhereTheyWereAndDoNotSpread() {
        Img<FloatType> image = ArrayImgs.floats(randomPlane(60, 50, 3), 60, 50);
        Cursor<FloatType> c = image.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            if (c.getIntPosition(0) == 30 && c.getIntPosition(1) == 25) {
                c.get().set(Float.NaN);
            } else if (c.getIntPosition(0) == 5 && c.getIntPosition(1) == 5) {
                c.get().set(Float.POSITIVE_INFINITY);
            }
        }
        Img<FloatType> out = smallTiles.denoise(image);
        long nan = 0;
        long inf = 0;
        for (FloatType p : out) {
            nan += Float.isNaN(p.get()) ? 1 : 0;
            inf += Float.isInfinite(p.get()) ? 1 : 0;
        }
        assertEquals(1, nan);
        assertEquals(1, inf);
        assertTrue(Float.isNaN(out.getAt(30, 25).get()));
        assertTrue(Float.isInfinite(out.getAt(5, 5).get()));
    }

    @Test
    void eachChannelOfAHyperstackGetsItsOwnScaling() {
        CleanNoisyPair<UnsignedShortType> stack = SyntheticImages.twoChannelHyperstack(4, 48, 40, 2);
        Img<UnsignedShortType> together = smallTiles.denoise(stack.noisy(), 2);
        for (int c = 0; c < 2; c++) {
            Img<UnsignedShortType> alone = smallTiles.denoise(Views.hyperSlice(stack.noisy(), 2, c));
            RandomAccessibleInterval<UnsignedShortType> part = Views.hyperSlice(together, 2, c);
            AtomicLong differences = new AtomicLong();
            LoopBuilder.setImages(alone, part).forEachPixel((a, b) -> differences.addAndGet(a.get() != b.get() ? 1 : 0));
            assertEquals(0, differences.get(), "channel " + c);
        }
    }

    @Test
    void twoThreadsGiveTheSameResultAsOne() {
        float[] pixels = randomPlane(170, 90, 9);
        try (Denoiser twoThreads = BundledModels.seed().tileSize(40).threads(2).build()) {
            assertArrayEquals(smallTiles.denoisePlane(pixels, 170, 90), twoThreads.denoisePlane(pixels, 170, 90), 1e-6f);
        }
    }

    @Test
    void cancellingStopsWithATypedError() {
        CancelToken token = new CancelToken();
        AtomicLong tilesSeen = new AtomicLong();
        try (Denoiser denoiser = BundledModels.seed().tileSize(40).cancel(token)
                .progress((done, total) -> {
                    tilesSeen.set(done);
                    if (done == 3) {
                        token.cancel();
                    }
                }).build()) {
            assertThrows(CancelledException.class, () -> denoiser.denoisePlane(randomPlane(200, 200, 1), 200, 200));
            assertEquals(3, tilesSeen.get());
        }
    }

    @Test
    void badInputsGetTypedErrors() {
        assertThrows(ImageTooSmallException.class, () -> smallTiles.denoise(ArrayImgs.floats(10)));
        assertThrows(ImageTooSmallException.class, () -> smallTiles.denoise(
                Views.interval(ArrayImgs.floats(10, 10), new FinalInterval(new long[] {0, 0}, new long[] {-1, 9}))));
        assertThrows(UnsupportedPixelTypeException.class, () -> smallTiles.denoise(ArrayImgs.longs(10, 10)));
        UnknownModelException unknown = assertThrows(UnknownModelException.class,
                () -> Denoiser.builder().repository(BundledModels.repository()).model("denoise/no-such-model").build());
        assertTrue(unknown.getMessage().contains(BundledModels.SEED), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Denoiser.builder().build());
    }
}
