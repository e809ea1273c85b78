package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands, saved with each checkpoint: steps done out of the total, training time so
 * far (over all sessions) and the validation curve. Together with the session's variables this is
 * everything a resumed run needs, since batch {@code n} is a function of the seed and {@code n}.
 */
public record TrainingState(String preset, int totalSteps, int step, double trainingSeconds, List<CurvePoint> curve) {

    /** One validation measurement; PSNR in dB on [0,1] data over the held-out images. */
    public record CurvePoint(int step, double megapixelsSeen, double hours, float trainLoss,
            double psnrNoisy, double psnrDenoised) {
    }

    public TrainingState {
        curve = List.copyOf(curve);
    }

    public static TrainingState start(Preset preset) {
        return new TrainingState(preset.name(), preset.steps(), 0, 0, List.of());
    }

    public TrainingState advancedTo(int newStep, double newTrainingSeconds) {
        return new TrainingState(preset, totalSteps, newStep, newTrainingSeconds, curve);
    }

    /** The same progress counted against another total (see {@link LearningRateSchedule#samePrefix}). */
    public TrainingState withTotalSteps(int newTotal) {
        return new TrainingState(preset, newTotal, step, trainingSeconds, curve);
    }

    public TrainingState with(CurvePoint point) {
        List<CurvePoint> longer = new ArrayList<>(curve);
        longer.add(point);
        return new TrainingState(preset, totalSteps, step, trainingSeconds, longer);
    }

    public boolean finished() {
        return step >= totalSteps;
    }
}
