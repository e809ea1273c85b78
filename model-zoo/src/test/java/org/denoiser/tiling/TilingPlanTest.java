package org.denoiser.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.util.Intervals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TilingPlanTest {

    @ParameterizedTest(name = "{0}x{1} tile {2} halo {3} multiple {4}")
    @CsvSource({
        "37, 23, 16, 7, 2",
        "64, 64, 16, 8, 4",
        "1, 1, 8, 3, 8",
        "1, 100, 30, 0, 1",
        "100, 1, 30, 5, 4",
        "513, 257, 100, 24, 8"
    })
    void coresPartitionTheImageAndInputsFollowTheGrid(int width, int height, int tileSize,
            int halo, int multiple) {
        TilingPlan plan = TilingPlan.of(width, height, tileSize, halo, multiple);
        int[] coverage = new int[width * height];
        for (Tile tile : plan.tiles()) {
            for (long y = tile.core().min(1); y <= tile.core().max(1); y++) {
                for (long x = tile.core().min(0); x <= tile.core().max(0); x++) {
                    coverage[(int) (y * width + x)]++;
                }
            }
            assertEquals(0, tile.inputWidth() % multiple, tile.toString());
            assertEquals(0, tile.inputHeight() % multiple, tile.toString());
            assertEquals(0, Math.floorMod(tile.input().min(0), multiple), tile.toString());
            assertEquals(0, Math.floorMod(tile.input().min(1), multiple), tile.toString());
            assertTrue(Intervals.contains(tile.input(), Intervals.expand(tile.core(), halo)),
                    tile + " does not hold its core plus a halo of " + halo);
        }
        for (int i = 0; i < coverage.length; i++) {
            assertEquals(1, coverage[i], "pixel " + (i % width) + "," + (i / width));
        }
    }

    @Test
    void haloIsRoundedUpToTheMultiple() {
        assertEquals(8, TilingPlan.of(10, 10, 4, 5, 4).halo());
        assertEquals(0, TilingPlan.of(10, 10, 4, 0, 4).halo());
    }

    @Test
    void countsTilesInRowMajorOrder() {
        TilingPlan plan = TilingPlan.of(100, 50, 32, 8, 4);
        assertEquals(4 * 2, plan.tileCount());
        assertEquals(32, plan.tiles().get(1).core().min(0));
        assertEquals(32, plan.tiles().get(4).core().min(1));
    }

    @Test
    void singleTileCoversTheWholeImage() {
        TilingPlan plan = TilingPlan.singleTile(37, 23, 7, 4);
        assertEquals(1, plan.tileCount());
        Tile tile = plan.tiles().get(0);
        assertTrue(Intervals.equals(Intervals.createMinSize(0, 0, 37, 23), tile.core()));
        assertEquals(-8, tile.input().min(0));
        assertEquals(56, tile.inputWidth()); // 37 + 2 * 8 = 53, grown to a multiple of 4
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> TilingPlan.of(0, 10, 8, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TilingPlan.of(10, 10, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TilingPlan.of(10, 10, 8, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> TilingPlan.of(10, 10, 8, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> TilingPlan.singleTile(100_000, 100_000, 0, 1));
    }
}
