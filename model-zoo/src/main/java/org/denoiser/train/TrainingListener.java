package org.denoiser.train;

/** What a training run tells its caller as it goes; both methods default to doing nothing. */
public interface TrainingListener {

    default void progress(TrainingProgress progress) {
    }

    /** A validation measurement was taken and (if the run has a checkpoint folder) saved with the weights. */
    default void validated(TrainingState state, TrainingState.CurvePoint point) {
    }
}
