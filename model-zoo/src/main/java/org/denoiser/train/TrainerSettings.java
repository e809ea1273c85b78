package org.denoiser.train;

import java.time.Duration;
import java.util.Optional;

/**
 * How a run is driven, as opposed to what is trained (the {@link Preset}).
 *
 * @param reportEvery steps between progress reports
 * @param checkpointEvery wall time between validation + checkpoint
 * @param checkpoint where checkpoints go, if anywhere
 * @param resume continue from the checkpoint if there is one
 * @param pauseAtStep stop (with a checkpoint) after this step even if the preset has more
 * @param threads TensorFlow intra-op threads; 0 for TensorFlow's default
 */
public record TrainerSettings(int reportEvery, Duration checkpointEvery, Optional<Checkpoint> checkpoint,
        boolean resume, int pauseAtStep, int threads) {

    public TrainerSettings {
        if (reportEvery <= 0) {
            throw new IllegalArgumentException("reportEvery must be positive, got " + reportEvery);
        }
        if (resume && checkpoint.isEmpty()) {
            throw new IllegalArgumentException("resuming needs a checkpoint folder");
        }
    }

    /** Report every {@code reportEvery} steps, validate only at the end, no checkpoints. */
    public static TrainerSettings inMemory(int reportEvery) {
        return new TrainerSettings(reportEvery, Duration.ofDays(365), Optional.empty(), false, Integer.MAX_VALUE, 0);
    }
}
