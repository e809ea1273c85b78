package org.denoiser.tiling;

import java.util.ArrayList;
import java.util.List;
import net.imglib2.FinalInterval;

/**
 * How a {@code width x height} plane is cut into overlapping tiles. Immutable, so several threads
 * may work through the tiles of one plan.
 *
 * <p>A network with {@code L} 2x2 pooling levels is translation-equivariant only in steps of
 * {@code 2^L}. Tiled output equals untiled output only if every tile's input starts on that grid,
 * so core origins and the halo are both multiples of {@code multiple}: then every input origin is
 * {@code ≡ 0 (mod multiple)} in image coordinates, exactly like the single tile of the untiled
 * path, which starts at {@code -halo}.
 */
public final class TilingPlan {
    /** Largest tile a Java float array can hold (JVMs reserve a few header words). */
    private static final long MAX_TILE_PIXELS = Integer.MAX_VALUE - 8;

    private final long width;
    private final long height;
    private final int halo;
    private final int multiple;
    private final List<Tile> tiles;

    private TilingPlan(long width, long height, long coreSize, int halo, int multiple) {
        this.width = width;
        this.height = height;
        this.halo = halo;
        this.multiple = multiple;
        this.tiles = List.copyOf(cut(coreSize));
    }

    /**
     * Plan for tiles whose cores are at most {@code tileSize x tileSize}.
     *
     * @param tileSize edge of a tile's core (its output area); rounded down to a multiple of
     *     {@code multiple}, at least {@code multiple}. The tile fed to the processor is about
     *     {@code tileSize + 2 * halo} on a side.
     * @param halo receptive-field radius of the processor; rounded up to a multiple of
     *     {@code multiple}
     * @param multiple tile input sizes and origins are multiples of this ({@code 2^levels})
     */
    public static TilingPlan of(long width, long height, int tileSize, int halo, int multiple) {
        checkArguments(width, height, halo, multiple);
        if (tileSize < 1) {
            throw new IllegalArgumentException("Tile size must be at least 1, got " + tileSize);
        }
        long core = Math.max(multiple, (long) tileSize / multiple * multiple);
        return new TilingPlan(width, height, core, roundHalo(halo, multiple), multiple);
    }

    /**
     * Plan with one tile covering the whole plane: the untiled path. It goes through the same
     * code as the tiled one, halo padding included, so both give the same result.
     */
    public static TilingPlan singleTile(long width, long height, int halo, int multiple) {
        checkArguments(width, height, halo, multiple);
        long core = roundUp(Math.max(width, height), multiple);
        return new TilingPlan(width, height, core, roundHalo(halo, multiple), multiple);
    }

    public List<Tile> tiles() {
        return tiles;
    }

    public int tileCount() {
        return tiles.size();
    }

    /** The tiles grouped by the rows of their cores, top to bottom: the order {@link WriteBehind} needs. */
    public List<TileRow> tileRows() {
        List<TileRow> rows = new ArrayList<>();
        List<Tile> current = new ArrayList<>();
        for (Tile tile : tiles) {
            if (!current.isEmpty() && current.get(0).core().min(1) != tile.core().min(1)) {
                rows.add(new TileRow(rows.size(), current));
                current = new ArrayList<>();
            }
            current.add(tile);
        }
        rows.add(new TileRow(rows.size(), current));
        return rows;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }

    /** The halo actually used: the requested one rounded up to a multiple of {@link #multiple}. */
    public int halo() {
        return halo;
    }

    public int multiple() {
        return multiple;
    }

    private List<Tile> cut(long coreSize) {
        List<Tile> result = new ArrayList<>();
        for (long y0 = 0; y0 < height; y0 += coreSize) {
            for (long x0 = 0; x0 < width; x0 += coreSize) {
                long x1 = Math.min(width, x0 + coreSize) - 1;
                long y1 = Math.min(height, y0 + coreSize) - 1;
                result.add(tileFor(result.size(), Tile.interval2d(x0, y0, x1, y1)));
            }
        }
        return result;
    }

    private Tile tileFor(int index, FinalInterval core) {
        long minX = core.min(0) - halo;
        long minY = core.min(1) - halo;
        long inputWidth = roundUp(core.dimension(0) + 2L * halo, multiple);
        long inputHeight = roundUp(core.dimension(1) + 2L * halo, multiple);
        if (inputWidth * inputHeight > MAX_TILE_PIXELS) {
            throw new IllegalArgumentException("A tile of " + inputWidth + " x " + inputHeight
                    + " pixels does not fit in one Java array; use a smaller tile size");
        }
        FinalInterval input = Tile.interval2d(
                minX, minY, minX + inputWidth - 1, minY + inputHeight - 1);
        return new Tile(index, core, input);
    }

    private static void checkArguments(long width, long height, int halo, int multiple) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "Image must be at least 1 x 1 pixel, got " + width + " x " + height);
        }
        if (halo < 0) {
            throw new IllegalArgumentException("Halo must not be negative, got " + halo);
        }
        if (multiple < 1) {
            throw new IllegalArgumentException("Multiple must be at least 1, got " + multiple);
        }
    }

    /** Rounded up so tile origins stay on the pooling grid (see the class comment). */
    private static int roundHalo(int halo, int multiple) {
        return Math.toIntExact(roundUp(halo, multiple));
    }

    private static long roundUp(long value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
