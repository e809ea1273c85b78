package org.denoiser.flux;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.TargetRows;
import org.denoiser.tiling.PlaneRows;
import org.denoiser.tiling.RowSink;
import org.denoiser.tiling.Tiler;

/**
 * The tiler's output for a plane whose flux is restored ({@link FluxRestoration}): network rows
 * are mapped back to image units as {@link Normalization#rowSink} does, held until the rows
 * {@link FluxRestoration#REACH} below them have arrived, corrected, and stored in bands of
 * {@value #BAND} rows. Rows must arrive whole and in order, as {@link
 * org.denoiser.tiling.WriteBehind} passes them on; a row's input is read when it arrives, and
 * the target is written only above every row that has not arrived yet, so the target may be the
 * input itself (denoising in place). About {@code BAND + 2 REACH} rows are held, 16 bytes a pixel,
 * plus the window and {@link FluxRestoration}'s working buffers, 4 bytes a pixel each (about 190
 * MB in all for a 16384-wide plane); every buffer is reused, so a plane of any height makes no garbage.
 */
public final class FluxRestoringSink implements RowSink {
    /** Rows stored at once: the window adds 2 REACH rows of context to each band, so wider bands repeat less. */
    static final int BAND = 128;

    private final FluxRestoration restoration;
    private final Normalization normalization;
    private final PlaneRows input;
    private final TargetRows target;
    private final int width;
    private final long height;
    /** Rows {@code firstHeld ..}: output as the network gives it (NaN/±Inf where the input had them). */
    private final List<double[]> output = new ArrayList<>();
    /** Same rows, finite: what sources are looked for in. */
    private final List<float[]> finite = new ArrayList<>();
    /** Same rows: input minus output, 0 where either is not finite. */
    private final List<float[]> residual = new ArrayList<>();
    /** Buffers of rows passed on, reused so that a plane's rows make no garbage. */
    private final Deque<double[]> spareOutput = new ArrayDeque<>();
    private final Deque<float[]> spareRows = new ArrayDeque<>();
    /** The window handed to {@link FluxRestoration}, and what it gives back; reused band after band. */
    private final float[] windowSources;
    private final float[] windowResiduals;
    private final float[] corrections;
    private long firstHeld;
    private long nextToStore;

    public FluxRestoringSink(FluxRestoration restoration, Normalization normalization,
            RandomAccessibleInterval<? extends RealType<?>> input, RandomAccessibleInterval<? extends RealType<?>> target) {
        if (!Intervals.equalDimensions(input, target) || input.numDimensions() != 2) {
            throw new IllegalArgumentException("Input " + Intervals.toString(input) + " and target "
                    + Intervals.toString(target) + " must be planes of the same size");
        }
        this.restoration = restoration;
        this.normalization = normalization;
        this.input = PlaneRows.of(input);
        this.target = targetRows(target);
        this.width = Math.toIntExact(input.dimension(0));
        this.height = input.dimension(1);
        int windowRows = BAND + 2 * FluxRestoration.REACH;
        this.windowSources = new float[windowRows * width];
        this.windowResiduals = new float[windowRows * width];
        this.corrections = new float[BAND * width];
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TargetRows targetRows(RandomAccessibleInterval<? extends RealType<?>> target) {
        return TargetRows.of((RandomAccessibleInterval) target);
    }

    @Override
    public void write(long x, long y, float[] src, int offset, int length) {
        long arrived = firstHeld + output.size();
        if (x != 0 || length != width || y != arrived) {
            throw new IllegalStateException("rows must arrive whole and in order: expected row " + arrived
                    + " from x 0, got row " + y + " from x " + x + ", " + length + " pixels");
        }
        double[] values = spareOutput.isEmpty() ? new double[width] : spareOutput.pop();
        input.get(0, y, values, width);
        float[] forSources = spareRows.isEmpty() ? new float[width] : spareRows.pop();
        float[] putBack = spareRows.isEmpty() ? new float[width] : spareRows.pop();
        for (int i = 0; i < width; i++) {
            double original = values[i];
            if (Double.isFinite(original)) {
                values[i] = normalization.inverse(src[offset + i], original);
                forSources[i] = (float) values[i];
                putBack[i] = (float) (original - values[i]);
            } else { // stays NaN/±Inf in the output; the network saw a typical value there
                forSources[i] = (float) normalization.inverse(src[offset + i]);
                putBack[i] = 0;
            }
        }
        output.add(values);
        finite.add(forSources);
        residual.add(putBack);
        storeReadyBands();
    }

    private void storeReadyBands() {
        long arrived = firstHeld + output.size();
        while (nextToStore < height) {
            long end = Math.min(nextToStore + BAND, height);
            if (arrived < Math.min(end + FluxRestoration.REACH, height)) {
                return;
            }
            store(nextToStore, end);
            nextToStore = end;
            while (firstHeld < nextToStore - FluxRestoration.REACH) {
                spareOutput.push(output.remove(0));
                spareRows.push(finite.remove(0));
                spareRows.push(residual.remove(0));
                firstHeld++;
            }
        }
    }

    /** Corrects and stores rows {@code from .. to - 1}, from a window of REACH (mirrored) rows more on each side. */
    private void store(long from, long to) {
        int reach = FluxRestoration.REACH;
        int rows = Math.toIntExact(to - from) + 2 * reach;
        for (int r = 0; r < rows; r++) {
            int held = Math.toIntExact(Tiler.mirror(from - reach + r, height) - firstHeld);
            System.arraycopy(finite.get(held), 0, windowSources, r * width, width);
            System.arraycopy(residual.get(held), 0, windowResiduals, r * width, width);
        }
        restoration.corrections(windowSources, windowResiduals, width, rows, reach, Math.toIntExact(to - from),
                corrections);
        for (long y = from; y < to; y++) {
            double[] values = output.get(Math.toIntExact(y - firstHeld));
            int at = Math.toIntExact(y - from) * width;
            for (int i = 0; i < width; i++) {
                if (Double.isFinite(values[i])) {
                    values[i] += corrections[at + i];
                }
            }
            target.set(0, y, values, width);
        }
    }
}
