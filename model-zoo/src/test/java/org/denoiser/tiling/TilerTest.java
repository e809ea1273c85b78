package org.denoiser.tiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.api.CancelledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TilerTest {
    private static final TileProcessor NETWORK = new ToyPoolingNetwork();

    @ParameterizedTest(name = "{0}x{1} tile {2} multiple {3}")
    @CsvSource({
        "37, 23, 16, 2", // not a multiple of the tile size
        "64, 64, 16, 2", // exact multiple
        "10, 7, 32, 2", // smaller than one tile
        "1, 29, 8, 2", // 1 pixel wide
        "29, 1, 8, 2", // 1 pixel high
        "1, 1, 8, 2",
        "45, 38, 12, 4", // coarser grid, as for a 2-level network
        "50, 33, 2, 2" // cores far smaller than the halo
    })
    void tiledEqualsUntiledWhenHaloCoversReceptiveField(int width, int height, int tileSize,
            int multiple) {
        ArrayImg<FloatType, ?> in = testImage(width, height);
        int halo = ToyPoolingNetwork.RADIUS;

        float[] untiled = run(Tiler.untiled(halo, multiple), in);
        float[] tiled = run(Tiler.tiled(tileSize, halo, multiple), in);

        assertTrue(maxAbsDiff(untiled, tiled) < 1e-4, "max diff " + maxAbsDiff(untiled, tiled));
    }

    @Test
    void tiledDiffersWhenHaloIsSmallerThanReceptiveField() {
        ArrayImg<FloatType, ?> in = testImage(40, 30);
        float[] untiled = run(Tiler.untiled(ToyPoolingNetwork.RADIUS, 2), in);
        float[] tiled = run(Tiler.tiled(10, 2, 2), in);
        assertTrue(maxAbsDiff(untiled, tiled) > 1e-2, "max diff " + maxAbsDiff(untiled, tiled));
    }

    @Test
    void readsAnyRealTypeAndPlanesWithNonZeroOrigin() {
        ArrayImg<UnsignedShortType, ?> shorts = ArrayImgs.unsignedShorts(21, 17);
        ArrayImg<FloatType, ?> floats = ArrayImgs.floats(21, 17);
        Cursor<UnsignedShortType> s = shorts.localizingCursor();
        Cursor<FloatType> f = floats.localizingCursor();
        while (s.hasNext()) {
            s.fwd();
            f.fwd();
            int value = pattern(s.getIntPosition(0), s.getIntPosition(1));
            s.get().set(value);
            f.get().set(value);
        }
        RandomAccessibleInterval<UnsignedShortType> shifted = Views.translate(shorts, 100, -50);
        ArrayImg<FloatType, ?> out = ArrayImgs.floats(21, 17);
        Tiler.tiled(8, 8, 2).process(shifted, out, NETWORK);
        assertArrayEquals(run(Tiler.untiled(8, 2), floats), pixels(out), 1e-4f);
    }

    @Test
    void mirrorsBeyondTheBorderOfAOnePixelWideImage() {
        ArrayImg<FloatType, ?> column = ArrayImgs.floats(new float[] {1, 2, 3}, 1, 3);
        List<float[]> seen = new ArrayList<>();
        TileProcessor capture = (pixels, w, h) -> {
            seen.add(pixels.clone());
            return pixels;
        };
        Tiler.untiled(2, 1).process(column, ArrayImgs.floats(1, 3), capture);

        // 'd c b a | a b c d' mirroring of the column 1 2 3 by 2 pixels, constant along x.
        float[] expectedColumn = {2, 1, 1, 2, 3, 3, 2};
        float[] tile = seen.get(0);
        assertEquals(5 * 7, tile.length);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(expectedColumn[y], tile[y * 5 + x], "at " + x + "," + y);
            }
        }
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        ArrayImg<FloatType, ?> in = testImage(40, 40);
        List<String> progress = new ArrayList<>();
        AtomicInteger processed = new AtomicInteger();
        TileProcessor counting = (pixels, w, h) -> {
            processed.incrementAndGet();
            return pixels;
        };
        CancelledException e = assertThrows(CancelledException.class,
                () -> Tiler.tiled(10, 0, 1).process(in, ArrayImgs.floats(40, 40), counting,
                        (done, total) -> progress.add(done + "/" + total),
                        () -> processed.get() == 3));
        assertEquals(List.of("1/16", "2/16", "3/16"), progress);
        assertTrue(e.getMessage().contains("3 of 16"), e.getMessage());
    }

    @Test
    void rejectsProcessorResultOfWrongSize() {
        ArrayImg<FloatType, ?> in = testImage(8, 8);
        assertThrows(IllegalStateException.class,
                () -> Tiler.untiled(0, 1).process(in, ArrayImgs.floats(8, 8), (p, w, h) -> new float[3]));
    }

    @Test
    void rejectsStacksAndMismatchedOutput() {
        assertThrows(IllegalArgumentException.class, () -> Tiler.untiled(0, 1)
                .process(ArrayImgs.floats(4, 4, 2), ArrayImgs.floats(4, 4, 2), NETWORK));
        assertThrows(IllegalArgumentException.class, () -> Tiler.untiled(0, 1)
                .process(ArrayImgs.floats(4, 4), ArrayImgs.floats(4, 5), NETWORK));
    }

    private static float[] run(Tiler tiler, RandomAccessibleInterval<FloatType> in) {
        ArrayImg<FloatType, ?> out = ArrayImgs.floats(in.dimension(0), in.dimension(1));
        tiler.process(in, out, NETWORK);
        return pixels(out);
    }

    private static float[] pixels(ArrayImg<FloatType, ?> img) {
        float[] result = new float[(int) img.size()];
        Cursor<FloatType> c = img.cursor();
        for (int i = 0; c.hasNext(); i++) {
            result[i] = c.next().get();
        }
        return result;
    }

    private static ArrayImg<FloatType, ?> testImage(int width, int height) {
        ArrayImg<FloatType, ?> img = ArrayImgs.floats(width, height);
        Cursor<FloatType> c = img.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            c.get().set(pattern(c.getIntPosition(0), c.getIntPosition(1)));
        }
        return img;
    }

    /** Deterministic, textured pixels: a gradient plus a hash, so no two shifts look alike. */
    private static int pattern(int x, int y) {
        return 3 * x + 2 * y + (((x * 73856093) ^ (y * 19349663)) & 255);
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
