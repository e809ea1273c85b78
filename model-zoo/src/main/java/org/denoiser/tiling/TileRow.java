package org.denoiser.tiling;

import java.util.List;

/**
 * The tiles of a {@link TilingPlan} whose cores share the same rows: one band across the plane.
 *
 * @param index position of the band in the plan, 0-based, top first
 * @param tiles left to right
 */
public record TileRow(int index, List<Tile> tiles) {

    public TileRow {
        tiles = List.copyOf(tiles);
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("a tile row has at least one tile");
        }
    }

    /** First row of the cores, in plane coordinates. */
    public long coreMinY() {
        return tiles.get(0).core().min(1);
    }

    /** Last row of the cores, in plane coordinates. */
    public long coreMaxY() {
        return tiles.get(0).core().max(1);
    }

    /** First row the tiles are given, before the border is applied (may be negative). */
    long inputMinY() {
        return tiles.get(0).input().min(1);
    }

    /** Last row the tiles are given, before the border is applied (may be past the plane). */
    long inputMaxY() {
        return tiles.get(0).input().max(1);
    }
}
