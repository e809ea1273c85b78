package org.denoiser.tiling;

import java.util.List;
import java.util.function.BooleanSupplier;
import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
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
        requireSameSize(in, out);
        RowSource source = RowSource.of(in);
        RowSink sink = RowSink.of(out);
        int total = plan.tileCount();
        for (Tile tile : plan.tiles()) {
            if (isCancelled.getAsBoolean()) {
                throw new CancelledException("Denoising was cancelled after " + tile.index()
                        + " of " + total + " tiles");
            }
            processTile(tile, source, sink, processor, Border.MIRROR);
            progress.tileDone(tile.index() + 1, total);
        }
    }

    /** As {@link #processTile(Tile, RandomAccessibleInterval, RandomAccessibleInterval, TileProcessor, Border)} with a mirrored border. */
    public static void processTile(Tile tile, RandomAccessibleInterval<? extends RealType<?>> in,
            RandomAccessibleInterval<FloatType> out, TileProcessor processor) {
        processTile(tile, in, out, processor, Border.MIRROR);
    }

    /**
     * Processes one tile of plane {@code in}, writing its core into {@code out}; see
     * {@link #processTile(Tile, RowSource, RowSink, TileProcessor, Border)}.
     */
    public static void processTile(Tile tile, RandomAccessibleInterval<? extends RealType<?>> in,
            RandomAccessibleInterval<FloatType> out, TileProcessor processor, Border border) {
        requirePlane(in);
        requireSameSize(in, out);
        processTile(tile, RowSource.of(in), RowSink.of(out), processor, border);
    }

    /**
     * Processes one tile: copies its input (extended beyond the image edge as {@code border} says)
     * into a new array, runs the processor and writes the core back. Tiles of one plan have
     * disjoint cores, so several threads may call this for different tiles of one plane when
     * {@code out} is backed by arrays.
     */
    public static void processTile(Tile tile, RowSource in, RowSink out, TileProcessor processor, Border border) {
        float[] result = processor.process(copyIn(in, tile, border), tile.inputWidth(), tile.inputHeight());
        if (result == null || result.length != tile.inputWidth() * tile.inputHeight()) {
            throw new IllegalStateException("Tile processor returned "
                    + (result == null ? "null" : result.length + " values")
                    + " for a tile of " + tile.inputWidth() + " x " + tile.inputHeight());
        }
        copyOut(result, tile, out);
    }

    /**
     * Processes one tile of a plane with several channels that the processor takes together: each
     * channel's tile is copied in as for one channel, the channels are interleaved (channels last,
     * {@code (y * width + x) * channels + c}, as a network's NHWC input), and each channel of the
     * result is written back to its own sink. With one channel this is {@link #processTile(Tile,
     * RowSource, RowSink, TileProcessor, Border)}.
     *
     * @param in one source per channel, all of the same size
     * @param out one sink per channel
     */
    public static void processTile(Tile tile, List<RowSource> in, List<RowSink> out, TileProcessor processor,
            Border border) {
        int channels = in.size();
        if (channels != out.size() || channels == 0) {
            throw new IllegalArgumentException(channels + " input channels and " + out.size() + " output channels");
        }
        if (channels == 1) {
            processTile(tile, in.get(0), out.get(0), processor, border);
            return;
        }
        int pixels = tile.inputWidth() * tile.inputHeight();
        float[] joint = new float[pixels * channels];
        for (int c = 0; c < channels; c++) {
            float[] channel = copyIn(in.get(c), tile, border);
            for (int i = 0; i < pixels; i++) {
                joint[i * channels + c] = channel[i];
            }
        }
        float[] result = processor.process(joint, tile.inputWidth(), tile.inputHeight());
        if (result == null || result.length != joint.length) {
            throw new IllegalStateException("Tile processor returned " + (result == null ? "null" : result.length + " values")
                    + " for a tile of " + tile.inputWidth() + " x " + tile.inputHeight() + " x " + channels + " channels");
        }
        float[] channel = new float[pixels];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < pixels; i++) {
                channel[i] = result[i * channels + c];
            }
            copyOut(channel, tile, out.get(c));
        }
    }

    /**
     * Row by row: the part of a row inside the image in one read, the columns beyond its left and
     * right edges from their mirror images (already in the row when the image is wide enough).
     * Rows beyond the top and bottom edges read their mirror rows. The mirror is ImgLib2's
     * {@code extendMirrorDouble}: {@code d c b a | a b c d | d c b a}, periodic for halos wider
     * than the image.
     */
    private static float[] copyIn(RowSource in, Tile tile, Border border) {
        int width = tile.inputWidth();
        float[] pixels = new float[width * tile.inputHeight()];
        long minX = tile.input().min(0);
        long insideMinX = Math.max(0, minX);
        long insideMaxX = Math.min(in.width() - 1, tile.input().max(0));
        int insideLength = (int) (insideMaxX - insideMinX + 1);
        for (int row = 0; row < tile.inputHeight(); row++) {
            long y = tile.input().min(1) + row;
            int rowStart = row * width;
            if (border == Border.ZERO) {
                // The array starts as zeros; copy only the part of the row inside the image.
                if (y >= 0 && y < in.height()) {
                    in.read(insideMinX, y, pixels, rowStart + (int) (insideMinX - minX), insideLength);
                }
                continue;
            }
            long sourceY = mirror(y, in.height());
            in.read(insideMinX, sourceY, pixels, rowStart + (int) (insideMinX - minX), insideLength);
            for (int column = 0; column < width; column++) {
                long x = minX + column;
                if (x >= insideMinX && x <= insideMaxX) {
                    column = (int) (insideMaxX - minX); // skip the part just read
                    continue;
                }
                long sourceX = mirror(x, in.width());
                if (sourceX >= insideMinX && sourceX <= insideMaxX) {
                    pixels[rowStart + column] = pixels[rowStart + (int) (sourceX - minX)];
                } else {
                    in.read(sourceX, sourceY, pixels, rowStart + column, 1);
                }
            }
        }
        return pixels;
    }

    /** Position in {@code 0 .. size - 1} that {@code extendMirrorDouble} shows at {@code position}. */
    public static long mirror(long position, long size) {
        long folded = Math.floorMod(position, 2 * size);
        return folded < size ? folded : 2 * size - 1 - folded;
    }

    private static void copyOut(float[] result, Tile tile, RowSink out) {
        long minX = tile.core().min(0);
        int length = (int) tile.core().dimension(0);
        for (long y = tile.core().min(1); y <= tile.core().max(1); y++) {
            out.write(minX, y, result, tile.inputIndex(minX, y), length);
        }
    }

    private static void requireSameSize(Interval in, Interval out) {
        if (!Intervals.equalDimensions(in, out)) {
            throw new IllegalArgumentException("Output plane " + Intervals.toString(out)
                    + " does not have the size of the input plane " + Intervals.toString(in));
        }
    }

    private static void requirePlane(Interval plane) {
        if (plane.numDimensions() != 2) {
            throw new IllegalArgumentException("Tiling works on 2-D planes (x, y), got "
                    + plane.numDimensions() + " dimensions; process a stack plane by plane");
        }
    }
}
