package org.denoiser.train;

import java.util.Locale;

/**
 * A progress report: {@code loss} is the mean batch loss since the previous report,
 * {@code stepsPerSecond} the speed since then, {@code megapixelsSeen} the training pixels fed so
 * far and {@code elapsedSeconds} the training time so far (over all sessions of a resumed run).
 */
public record TrainingProgress(int step, int totalSteps, float loss, float learningRate, double stepsPerSecond,
        double megapixelsSeen, double elapsedSeconds) {

    public String toLogLine() {
        return String.format(Locale.ROOT, "step %d/%d  loss %.6f  lr %.0e  %.2f steps/s  %.1f Mpx seen  elapsed %.1f s",
                step, totalSteps, loss, learningRate, stepsPerSecond, megapixelsSeen, elapsedSeconds);
    }
}
