package org.denoiser.classical;

import java.util.Locale;

/** Mean, min and max of a noise level over the planes a method has seen, thread-safe. */
final class LevelSummary {
    private int count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    synchronized void add(double level) {
        count++;
        sum += level;
        min = Math.min(min, level);
        max = Math.max(max, level);
    }

    @Override
    public synchronized String toString() {
        if (count == 0) {
            return "none yet";
        }
        return count == 1 || min == max ? String.format(Locale.ROOT, "%.4g", min)
                : String.format(Locale.ROOT, "mean %.4g (%.4g..%.4g over %d planes)", sum / count, min, max, count);
    }
}
