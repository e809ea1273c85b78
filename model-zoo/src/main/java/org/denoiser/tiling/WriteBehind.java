package org.denoiser.tiling;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Holds the output of finished tiles and passes each row on to the real {@link RowSink} only once
 * no later tile reads that row of the input, so the output may be the input itself: a plane can
 * be denoised in place, and a file's pixels need no second, denoised copy in memory.
 *
 * <p>Tiles must run one {@link TileRow} at a time, in plan order: {@link #open} a row, run its
 * tiles (on any threads) into the sink it returns, then {@link #close} it. A tile row reads the
 * rows of its cores plus the halo above and below (mirrored at the plane's edges), so after row
 * {@code k} everything above the lowest row that rows {@code k+1..} read is final and written;
 * what stays held is about one tile row plus the halo, whatever the plane's height. Row buffers
 * are reused, so a plane of any height makes no garbage here.
 *
 * <p>The sink is written row by row, left to right, top to bottom, from the thread that calls
 * {@link #close}: a target that is not thread-safe is fine.
 */
public final class WriteBehind {
    private final RowSink target;
    private final int width;
    /** For each tile row {@code k}: the lowest input row that tile rows {@code k, k+1, ...} read. */
    private final long[] lowestReadFrom;
    /** Rows {@code firstHeld ..} of finished (or running) tile rows, not yet passed on. */
    private final List<float[]> held = new ArrayList<>();
    private final Deque<float[]> spare = new ArrayDeque<>();
    private long firstHeld;

    public WriteBehind(TilingPlan plan, Border border, RowSink target) {
        this.target = target;
        this.width = Math.toIntExact(plan.width());
        List<TileRow> rows = plan.tileRows();
        this.lowestReadFrom = new long[rows.size() + 1];
        lowestReadFrom[rows.size()] = plan.height(); // after the last row nothing is read any more
        for (int k = rows.size() - 1; k >= 0; k--) {
            lowestReadFrom[k] = Math.min(lowestRead(rows.get(k), plan.height(), border), lowestReadFrom[k + 1]);
        }
    }

    /** The lowest row of a plane of {@code height} rows that the tiles of {@code row} read. */
    static long lowestRead(TileRow row, long height, Border border) {
        if (border == Border.ZERO) {
            return Math.max(0, row.inputMinY()); // rows outside the plane are zeros, not reads
        }
        long lowest = Long.MAX_VALUE;
        for (long y = row.inputMinY(); y <= row.inputMaxY() && lowest > 0; y++) {
            lowest = Math.min(lowest, Tiler.mirror(y, height));
        }
        return lowest;
    }

    /**
     * Makes room for the cores of {@code row} and returns the sink its tiles write to. Tiles of
     * one row have disjoint cores, so several threads may write to it at once.
     */
    public RowSink open(TileRow row) {
        if (row.coreMinY() != firstHeld + held.size()) {
            throw new IllegalStateException("tile rows must come in plan order: expected cores from row "
                    + (firstHeld + held.size()) + ", got " + row.coreMinY());
        }
        for (long y = row.coreMinY(); y <= row.coreMaxY(); y++) {
            float[] buffer = spare.poll();
            held.add(buffer != null ? buffer : new float[width]);
        }
        List<float[]> rows = List.copyOf(held); // fixed while the row's tiles run
        long first = firstHeld;
        return (x, y, src, offset, length) ->
                System.arraycopy(src, offset, rows.get(Math.toIntExact(y - first)), Math.toIntExact(x), length);
    }

    /**
     * Called once every tile of {@code row} has finished: passes on the held rows that no later
     * tile row reads, all of them after the last row.
     */
    public void close(TileRow row) {
        long end = Math.min(lowestReadFrom[row.index() + 1], row.coreMaxY() + 1);
        while (firstHeld < end) {
            float[] buffer = held.remove(0);
            target.write(0, firstHeld, buffer, 0, width);
            spare.push(buffer);
            firstHeld++;
        }
    }

    /** Rows held now: a bound on this object's memory, {@code width} floats each. */
    int heldRows() {
        return held.size();
    }
}
