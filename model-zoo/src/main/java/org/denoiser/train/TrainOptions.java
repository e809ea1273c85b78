package org.denoiser.train;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What to train and how to drive the run; see {@code denoiser train --help}.
 *
 * @param steps null when the preset's default applies
 * @param data the preset's data folder, or null for its default
 * @param out the work folder: checkpoint, curve, export, report
 * @param exportNow export the checkpoint as it is instead of training on
 * @param init a SavedModel of the same architecture to start from (fine-tuning), or null for
 *     random weights; a checkpoint being resumed takes precedence
 */
public record TrainOptions(String preset, Path out, Integer steps, Path data, int reportEvery, boolean resume,
        Duration checkpointEvery, int pauseAtStep, int threads, boolean exportNow, Path init) {

    /** A complete run from scratch with default checkpointing and TensorFlow's default threads. */
    public static TrainOptions fresh(String preset, Path out, Integer steps, Path data, int reportEvery) {
        return new TrainOptions(preset, out, steps, data, reportEvery, false, Duration.ofMinutes(5),
                Integer.MAX_VALUE, 0, false, null);
    }
}
