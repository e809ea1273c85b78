package org.denoiser.classical;

import java.util.Arrays;

/**
 * Finds, for every reference block of a band of reference rows, the most similar 8x8 blocks of a
 * guide image inside the search window: at most {@code maxGroup}, each with a mean squared
 * difference per pixel below {@code tauMatch}, most similar first (the reference itself, at
 * distance 0, always first).
 *
 * <p>Distances are computed one displacement at a time for the whole band (squared differences
 * of the image and its shifted copy, summed over 8x8 boxes), which costs a few operations per
 * pixel and displacement instead of 64 per block pair. Memory is bounded by the band: its match
 * lists and one row of box sums.
 */
final class BlockMatcher {
    private static final int B = BlockTransform.SIDE;

    private final float[] guide;
    private final int width;
    private final int height;
    private final StepParameters parameters;

    BlockMatcher(float[] guide, int width, int height, StepParameters parameters) {
        this.guide = guide;
        this.width = width;
        this.height = height;
        this.parameters = parameters;
    }

    /** The matches of the references at rows {@code refRows} x columns {@code refColumns}. */
    Matches match(int[] refRows, int[] refColumns) {
        Matches matches = new Matches(refRows.length * refColumns.length, parameters.maxGroup());
        int half = parameters.window() / 2;
        float limit = (float) (parameters.tauMatch() * BlockTransform.SIZE);
        float[] columnSums = new float[width];
        for (int dy = -half; dy <= half; dy++) {
            for (int dx = -half; dx <= half; dx++) {
                for (int r = 0; r < refRows.length; r++) {
                    int y = refRows[r];
                    if (y + dy < 0 || y + dy > height - B) {
                        continue;
                    }
                    int from = Math.max(0, -dx);
                    int to = Math.min(width, width - dx);
                    verticalSums(y, dy, dx, from, to, columnSums);
                    for (int c = 0; c < refColumns.length; c++) {
                        int x = refColumns[c];
                        if (x + dx < 0 || x + dx > width - B) {
                            continue;
                        }
                        float distance = 0;
                        for (int k = 0; k < B; k++) {
                            distance += columnSums[x + k];
                        }
                        if (distance < limit) {
                            matches.offer(r * refColumns.length + c, distance, (y + dy) * width + x + dx);
                        }
                    }
                }
            }
        }
        return matches;
    }

    /** columnSums[x] = sum over the 8 rows from y of (guide(y, x) - guide(y + dy, x + dx))^2, for x in [from, to). */
    private void verticalSums(int y, int dy, int dx, int from, int to, float[] columnSums) {
        Arrays.fill(columnSums, from, to, 0f);
        for (int k = 0; k < B; k++) {
            int row = (y + k) * width;
            int shifted = (y + k + dy) * width + dx;
            for (int x = from; x < to; x++) {
                float d = guide[row + x] - guide[shifted + x];
                columnSums[x] += d * d;
            }
        }
    }

    /** Up to {@code capacity} matches per reference, kept sorted by distance. */
    static final class Matches {
        private final int capacity;
        private final int[] counts;
        private final float[] distances;
        private final int[] positions;

        Matches(int references, int capacity) {
            this.capacity = capacity;
            this.counts = new int[references];
            this.distances = new float[references * capacity];
            this.positions = new int[references * capacity];
        }

        void offer(int reference, float distance, int position) {
            int base = reference * capacity;
            int count = counts[reference];
            if (count == capacity && distance >= distances[base + count - 1]) {
                return;
            }
            int i = Math.min(count, capacity - 1);
            while (i > 0 && distances[base + i - 1] > distance) {
                distances[base + i] = distances[base + i - 1];
                positions[base + i] = positions[base + i - 1];
                i--;
            }
            distances[base + i] = distance;
            positions[base + i] = position;
            counts[reference] = Math.min(count + 1, capacity);
        }

        /** The group size BM3D uses: the largest power of 2 not above the number of matches. */
        int groupSize(int reference) {
            return Integer.highestOneBit(counts[reference]);
        }

        /** Top-left pixel index of the reference's {@code i}-th match. */
        int position(int reference, int i) {
            return positions[reference * capacity + i];
        }
    }
}
