package org.denoiser.train;

import java.util.Arrays;
import java.util.Locale;

/**
 * Step decay: the rate starts at {@code initial} and is multiplied by {@code factor} each time
 * training passes one of the fractions {@code drops} of its total steps.
 */
public record LearningRateSchedule(float initial, float factor, double... drops) {

    public LearningRateSchedule {
        if (!(initial > 0) || !(factor > 0)) {
            throw new IllegalArgumentException("learning rate and decay factor must be positive");
        }
        drops = drops.clone();
        Arrays.sort(drops);
    }

    public static LearningRateSchedule constant(float rate) {
        return new LearningRateSchedule(rate, 1f);
    }

    /** The rate for step {@code step} (1-based) of {@code totalSteps}. */
    public float rate(long step, long totalSteps) {
        double progress = (double) (step - 1) / totalSteps;
        float rate = initial;
        for (double drop : drops) {
            if (progress >= drop) {
                rate *= factor;
            }
        }
        return rate;
    }

    /**
     * Whether the first {@code stepsDone} steps had the same rates with either total, so a run
     * checkpointed under {@code oldTotal} can go on as an uninterrupted run of {@code newTotal}
     * (e.g. lengthened before its first rate drop).
     */
    public boolean samePrefix(long stepsDone, long oldTotal, long newTotal) {
        for (long step = 1; step <= stepsDone; step++) {
            if (rate(step, oldTotal) != rate(step, newTotal)) {
                return false;
            }
        }
        return true;
    }

    public String description() {
        if (drops.length == 0) {
            return String.format(Locale.ROOT, "Adam %s", Numbers.plain(initial));
        }
        return String.format(Locale.ROOT, "Adam %s, x%s at %s of the steps", Numbers.plain(initial), Numbers.plain(factor), Arrays.toString(drops));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LearningRateSchedule s && s.initial == initial && s.factor == factor
                && Arrays.equals(s.drops, drops);
    }

    @Override
    public int hashCode() {
        return Float.hashCode(initial) * 31 + Arrays.hashCode(drops);
    }

    @Override
    public String toString() {
        return description();
    }
}
