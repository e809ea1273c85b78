package org.denoiser.tiling;

import java.util.function.BooleanSupplier;
import net.imglib2.Cursor;
import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.denoiser.api.CancelledException;

/**
 * Runs a {@link TileProcessor} over a 2-D plane tile by tile, so memory stays bounded by one
 * tile's input and output arrays (per thread) whatever the image size.
 *
 * <p>Pixels a tile needs from outside the image come from a mirror extension of the plane
 * ({@code d c b a | a b c d}, which also works for 1-pixel-wide planes). The untiled path is the
 * same code with one tile, so tiled and untiled results agree whenever the halo covers the
 * processor's receptive field.
 */
public final class Tiler {
    private final int tileSize;
    private final int halo;
    private final int multiple;
    private final boolean untiled;

    private Tiler(int tileSize, int halo, int multiple, boolean untiled) {
        this.tileSize = tileSize;
        this.halo = halo;
        this.multiple = multiple;
        this.untiled = untiled;
    }

    /** Tiles with cores of at most {@code tileSize} pixels a side; see {@link TilingPlan#of}. */
    public static Tiler tiled(int tileSize, int halo, int multiple) {
        TilingPlan.of(1, 1, tileSize, halo, multiple); // fail early on bad arguments
        return new Tiler(tileSize, halo, multiple, false);
    }

    /** The whole plane as one tile (plus halo); see {@link TilingPlan#singleTile}. */
    public static Tiler untiled(int halo, int multiple) {
        TilingPlan.singleTile(1, 1, halo, multiple);
        return new Tiler(0, halo, multiple, true);
    }

    public TilingPlan planFor(Interval plane) {
        requirePlane(plane);
        long width = plane.dimension(0);
        long height = plane.dimension(1);
        return untiled
                ? TilingPlan.singleTile(width, height, halo, multiple)
                : TilingPlan.of(width, height, tileSize, halo, multiple);
    }

    public void process(RandomAccessibleInterval<? extends RealType<?>> in,
            RandomAccessibleInterval<FloatType> out, TileProcessor processor) {
        process(in, out, processor, TileProgress.NONE, () -> false);
    }

    /**
     * Processes every tile in order, writing each tile's core into {@code out}.
     *
     * @param isCancelled checked before each tile
     * @throws CancelledException if {@code isCancelled} became true; {@code out} is then only
     *     partly written
     */
    public void process(RandomAccessibleInterval<? extends RealType<?>> in,
            RandomAccessibleInterval<FloatType> out, TileProcessor processor,
            TileProgress progress, BooleanSupplier isCancelled) {
        TilingPlan plan = planFor(in);
        int total = plan.tileCount();
        for (Tile tile : plan.tiles()) {
            if (isCancelled.getAsBoolean()) {
                throw new CancelledException("Denoising was cancelled after " + tile.index()
                        + " of " + total + " tiles");
            }
            processTile(tile, in, out, processor);
            progress.tileDone(tile.index() + 1, total);
        }
    }

    /** As {@link #processTile(Tile, RandomAccessibleInterval, RandomAccessibleInterval, TileProcessor, Border)} with a mirrored border. */
    public static void processTile(Tile tile, RandomAccessibleInterval<? extends RealType<?>> in,
            RandomAccessibleInterval<FloatType> out, TileProcessor processor) {
        processTile(tile, in, out, processor, Border.MIRROR);
    }

    /**
     * Processes one tile: copies its input (extended beyond the image edge as {@code border} says)
     * into a new array, runs the processor and writes the core back. Tiles of one plan have
     * disjoint cores, so several threads may call this for different tiles when {@code out} is an
     * {@code ArrayImg}.
     */
    public static void processTile(Tile tile, RandomAccessibleInterval<? extends RealType<?>> in,
            RandomAccessibleInterval<FloatType> out, TileProcessor processor, Border border) {
        requirePlane(in);
        if (!Intervals.equalDimensions(in, out)) {
            throw new IllegalArgumentException("Output plane " + Intervals.toString(out)
                    + " does not have the size of the input plane " + Intervals.toString(in));
        }
        float[] result = processor.process(copyIn(in, tile, border), tile.inputWidth(), tile.inputHeight());
        if (result == null || result.length != tile.inputWidth() * tile.inputHeight()) {
            throw new IllegalStateException("Tile processor returned "
                    + (result == null ? "null" : result.length + " values")
                    + " for a tile of " + tile.inputWidth() + " x " + tile.inputHeight());
        }
        copyOut(result, tile, out);
    }

    private static <T extends RealType<?>> float[] copyIn(RandomAccessibleInterval<T> in,
            Tile tile, Border border) {
        float[] pixels = new float[tile.inputWidth() * tile.inputHeight()];
        if (border == Border.ZERO) {
            // The array starts as zeros; copy only the part of the tile that lies inside the image.
            RandomAccessibleInterval<T> plane = Views.zeroMin(in);
            Interval inside = Intervals.intersect(tile.input(), plane);
            if (!Intervals.isEmpty(inside)) {
                Cursor<T> cursor = Views.interval(plane, inside).localizingCursor();
                while (cursor.hasNext()) {
                    float value = cursor.next().getRealFloat();
                    pixels[tile.inputIndex(cursor.getLongPosition(0), cursor.getLongPosition(1))] = value;
                }
            }
            return pixels;
        }
        RandomAccessible<T> mirrored = Views.extendMirrorDouble(Views.zeroMin(in));
        // flatIterable walks x fastest, then y: exactly row-major order.
        Cursor<T> cursor = Views.flatIterable(Views.interval(mirrored, tile.input())).cursor();
        for (int i = 0; cursor.hasNext(); i++) {
            pixels[i] = cursor.next().getRealFloat();
        }
        return pixels;
    }

    private static void copyOut(float[] result, Tile tile, RandomAccessibleInterval<FloatType> out) {
        Cursor<FloatType> cursor = Views.interval(Views.zeroMin(out), tile.core()).localizingCursor();
        while (cursor.hasNext()) {
            FloatType pixel = cursor.next();
            pixel.set(result[tile.inputIndex(cursor.getLongPosition(0), cursor.getLongPosition(1))]);
        }
    }

    private static void requirePlane(Interval plane) {
        if (plane.numDimensions() != 2) {
            throw new IllegalArgumentException("Tiling works on 2-D planes (x, y), got "
                    + plane.numDimensions() + " dimensions; process a stack plane by plane");
        }
    }
}
