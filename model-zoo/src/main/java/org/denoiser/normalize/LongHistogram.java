package org.denoiser.normalize;

/**
 * Counts per bin with {@code long} counts, so a gigapixel stack (more than 2^31 pixels in one
 * bin) cannot overflow.
 */
public final class LongHistogram {
    private final long[] counts;
    private long total;

    public LongHistogram(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("A histogram needs at least one bin, got " + bins);
        }
        counts = new long[bins];
    }

    public int bins() {
        return counts.length;
    }

    public void add(int bin) {
        counts[bin]++;
        total++;
    }

    public void add(int bin, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("Count must not be negative, got " + count);
        }
        counts[bin] += count;
        total += count;
    }

    public long count(int bin) {
        return counts[bin];
    }

    public long total() {
        return total;
    }

    /** Number of values in bins below {@code bin}. */
    public long countBelow(int bin) {
        long sum = 0;
        for (int i = 0; i < bin; i++) {
            sum += counts[i];
        }
        return sum;
    }

    /**
     * The bin holding the value of 1-based {@code rank} in sorted order: the first bin whose
     * cumulative count reaches {@code rank}.
     */
    public int binOfRank(long rank) {
        if (rank < 1 || rank > total) {
            throw new IllegalArgumentException("Rank " + rank + " outside 1.." + total);
        }
        long cumulative = 0;
        for (int bin = 0; bin < counts.length; bin++) {
            cumulative += counts[bin];
            if (cumulative >= rank) {
                return bin;
            }
        }
        throw new IllegalStateException("unreachable: total count is " + total);
    }

    /**
     * Nearest-rank percentile position: the 1-based rank of the smallest value with at least
     * {@code percent}% of all values at or below it.
     */
    public long rankOfPercentile(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("Percentile must be in 0..100, got " + percent);
        }
        long rank = (long) Math.ceil(percent / 100 * total);
        return Math.min(total, Math.max(1, rank));
    }
}
