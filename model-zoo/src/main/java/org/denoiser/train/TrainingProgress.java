package org.denoiser.train;

import java.util.Locale;

/** A progress report: {@code loss} is the mean batch loss since the previous report. */
public record TrainingProgress(int step, int totalSteps, float loss, double elapsedSeconds) {

    public String toLogLine() {
        return String.format(Locale.ROOT, "step %d/%d  loss %.5f  elapsed %.1f s",
                step, totalSteps, loss, elapsedSeconds);
    }
}
