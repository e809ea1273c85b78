package org.denoiser.tiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Denoising in place: with {@link WriteBehind} the output may overwrite the very pixels the tiles
 * read, and the result is bit for bit that of writing into a separate plane, while only about one
 * tile row plus the halo is held, whatever the plane's height.
 */
class WriteBehindTest {
    private static final TileProcessor NETWORK = new ToyPoolingNetwork();
    private static final int MULTIPLE = 2;

    @ParameterizedTest(name = "{0}x{1} tile {2} halo {3} {4}")
    @CsvSource({
        "37, 90, 16, 7, MIRROR",
        "64, 64, 16, 7, ZERO",
        "50, 120, 2, 7, MIRROR", // cores far smaller than the halo: rows stay held for several tile rows
        "20, 9, 4, 14, MIRROR", // halo wider than the plane: the last tile row still reads row 0
        "1, 29, 8, 7, MIRROR",
        "29, 1, 8, 7, MIRROR",
        "33, 47, 64, 7, MIRROR" // one tile row
    })
    void inPlaceGivesTheSamePixelsAsASeparateOutput(int width, int height, int tile, int halo, Border border) {
        TilingPlan plan = TilingPlan.of(width, height, tile, halo, MULTIPLE);
        float[] separate = new float[width * height];
        runDirectly(plan, pattern(width, height), separate, border);

        float[] inPlace = pattern(width, height);
        ArrayImg<FloatType, FloatArray> plane = ArrayImgs.floats(inPlace, width, height);
        runWithWriteBehind(plan, RowSource.of(plane), RowSink.of(plane), border);

        assertArrayEquals(separate, inPlace);
    }

    /** Without write-behind, in place goes wrong: the check above can fail. */
    @Test
    void inPlaceWithoutWriteBehindReadsPixelsAlreadyDenoised() {
        TilingPlan plan = TilingPlan.of(37, 90, 16, 7, MULTIPLE);
        float[] separate = new float[37 * 90];
        runDirectly(plan, pattern(37, 90), separate, Border.MIRROR);

        float[] inPlace = pattern(37, 90);
        runDirectly(plan, inPlace, inPlace, Border.MIRROR);

        assertFalse(Arrays.equals(separate, inPlace));
    }

    /** A tall plane: every row reaches the sink once, top to bottom, while at most a tile row plus the halo is held. */
    @Test
    void holdsAboutOneTileRowPlusTheHaloAndPassesEveryRowOnOnceInOrder() {
        int width = 24;
        int height = 2000;
        int tile = 16;
        TilingPlan plan = TilingPlan.of(width, height, tile, 7, MULTIPLE);
        List<Long> rowsWritten = new ArrayList<>();
        RowSink counting = (x, y, src, offset, length) -> {
            assertEquals(0, x);
            assertEquals(width, length);
            rowsWritten.add(y);
        };
        WriteBehind writeBehind = new WriteBehind(plan, Border.MIRROR, counting);
        RowSource in = RowSource.of(ArrayImgs.floats(pattern(width, height), width, height));
        int mostHeld = 0;
        for (TileRow row : plan.tileRows()) {
            RowSink sink = writeBehind.open(row);
            mostHeld = Math.max(mostHeld, writeBehind.heldRows());
            row.tiles().forEach(t -> Tiler.processTile(t, in, sink, NETWORK, Border.MIRROR));
            writeBehind.close(row);
        }

        assertEquals(height, rowsWritten.size());
        for (int y = 0; y < height; y++) {
            assertEquals(y, rowsWritten.get(y));
        }
        assertEquals(0, writeBehind.heldRows());
        assertTrue(mostHeld <= tile + plan.halo(), "held " + mostHeld + " rows of " + width + " pixels");
    }

    @Test
    void tileRowsMustComeInPlanOrder() {
        TilingPlan plan = TilingPlan.of(20, 40, 16, 2, MULTIPLE);
        WriteBehind writeBehind = new WriteBehind(plan, Border.MIRROR, (x, y, src, offset, length) -> { });
        assertThrows(IllegalStateException.class, () -> writeBehind.open(plan.tileRows().get(1)));
    }

    private static void runWithWriteBehind(TilingPlan plan, RowSource in, RowSink out, Border border) {
        WriteBehind writeBehind = new WriteBehind(plan, border, out);
        for (TileRow row : plan.tileRows()) {
            RowSink sink = writeBehind.open(row);
            for (Tile tile : row.tiles()) {
                Tiler.processTile(tile, in, sink, NETWORK, border);
            }
            writeBehind.close(row);
        }
    }

    private static void runDirectly(TilingPlan plan, float[] in, float[] out, Border border) {
        int width = (int) plan.width();
        int height = (int) plan.height();
        RowSource source = RowSource.of(ArrayImgs.floats(in, width, height));
        RowSink sink = RowSink.of(ArrayImgs.floats(out, width, height));
        for (Tile tile : plan.tiles()) {
            Tiler.processTile(tile, source, sink, NETWORK, border);
        }
    }

    /** Textured pixels: a gradient plus a hash, so reading a wrong row shows. */
    private static float[] pattern(int width, int height) {
        float[] pixels = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = 3 * x + 2 * y + (((x * 73856093) ^ (y * 19349663)) & 255);
            }
        }
        return pixels;
    }
}
