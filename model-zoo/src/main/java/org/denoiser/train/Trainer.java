package org.denoiser.train;

import java.time.Duration;
import java.util.Optional;

/**
 * The training loop: feeds batches, runs Adam steps with the preset's learning-rate schedule,
 * reports progress every {@code reportEvery} steps and, every {@code checkpointEvery} of wall time
 * and at the end, measures validation PSNR and saves a checkpoint. With a checkpoint to resume
 * from, it continues where that run stopped and ends with the same weights as an uninterrupted run.
 */
public final class Trainer {

    private final Preset preset;
    private final TrainerSettings settings;
    private final TrainingListener listener;

    public Trainer(Preset preset, TrainerSettings settings, TrainingListener listener) {
        this.preset = preset;
        this.settings = settings;
        this.listener = listener;
    }

    /** Opens a session for the preset's architecture; the caller owns (and closes) it. */
    public TrainingSession openSession() {
        return new TrainingSession(preset.architecture(), preset.loss(), preset.weightSeed(), settings.threads());
    }

    /**
     * Trains until the preset's last step (or {@code settings.pauseAtStep()}), resuming from the
     * checkpoint if asked. Returns the state reached; {@link TrainingState#finished()} tells
     * whether the run is complete.
     */
    public TrainingState train(TrainingSession session, DatasetSplit data) {
        TrainingState state = settings.resume() ? resumeState(session) : TrainingState.start(preset);
        BatchSource batches = preset.batches(data.train());
        HeldOutEvaluation validation = new HeldOutEvaluation(data.test(), preset.validationNoise(), preset.evaluationSeed());
        double megapixelsPerStep = preset.pixelsPerBatch(data.train()) / 1e6;
        int lastStep = Math.min(preset.steps(), settings.pauseAtStep());

        double secondsBefore = state.trainingSeconds(); // earlier sessions of a resumed run
        long sessionStart = System.nanoTime();
        long lastCheckpoint = sessionStart;
        long lastReport = sessionStart;
        double lossSinceReport = 0;
        int stepsSinceReport = 0;
        float lastLoss = Float.NaN;
        for (int step = state.step() + 1; step <= lastStep; step++) {
            float rate = preset.schedule().rate(step, preset.steps());
            lossSinceReport += session.step(batches.batch(step), rate);
            stepsSinceReport++;
            long now = System.nanoTime();
            double seconds = secondsBefore + (now - sessionStart) / 1e9;
            if (step % settings.reportEvery() == 0 || step == lastStep) {
                lastLoss = (float) (lossSinceReport / stepsSinceReport);
                listener.progress(new TrainingProgress(step, preset.steps(), lastLoss, rate,
                        stepsSinceReport / ((now - lastReport) / 1e9), step * megapixelsPerStep, seconds));
                lossSinceReport = 0;
                stepsSinceReport = 0;
                lastReport = now;
            }
            boolean due = Duration.ofNanos(now - lastCheckpoint).compareTo(settings.checkpointEvery()) >= 0;
            if (due || step == lastStep) {
                TrainingState reached = state.advancedTo(step, seconds);
                // A slow run may checkpoint before its first report: its loss so far, not NaN
                // (which JSON cannot hold, so the checkpoint could not be written).
                float loss = Float.isNaN(lastLoss) ? (float) (lossSinceReport / stepsSinceReport) : lastLoss;
                state = validate(session, validation, reached, megapixelsPerStep, loss);
                lastCheckpoint = System.nanoTime();
            }
        }
        return state;
    }

    /** Mean held-out PSNR of the session as it is now, with the preset's fixed validation noise. */
    public TrainingResult measure(TrainingSession session, DatasetSplit data, TrainingState state) {
        HeldOutEvaluation validation = new HeldOutEvaluation(data.test(), preset.validationNoise(), preset.evaluationSeed());
        float loss = state.curve().isEmpty() ? Float.NaN : state.curve().get(state.curve().size() - 1).trainLoss();
        return new TrainingResult(state.step(), state.trainingSeconds(), loss,
                validation.meanPsnrNoisy(), validation.meanPsnrDenoised(session));
    }

    private TrainingState validate(TrainingSession session, HeldOutEvaluation validation, TrainingState reached,
            double megapixelsPerStep, float loss) {
        TrainingState.CurvePoint point = new TrainingState.CurvePoint(reached.step(),
                reached.step() * megapixelsPerStep, reached.trainingSeconds() / 3600, loss,
                validation.meanPsnrNoisy(), validation.meanPsnrDenoised(session));
        TrainingState state = reached.with(point);
        settings.checkpoint().ifPresent(checkpoint -> checkpoint.save(session, state));
        listener.validated(state, point);
        return state;
    }

    private TrainingState resumeState(TrainingSession session) {
        Checkpoint checkpoint = settings.checkpoint().orElseThrow(() ->
                new IllegalArgumentException("resuming needs a checkpoint folder"));
        Optional<TrainingState> saved = checkpoint.restore(session);
        if (saved.isEmpty()) {
            return TrainingState.start(preset);
        }
        TrainingState state = saved.get();
        if (!state.preset().equals(preset.name())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.dir() + " belongs to preset '" + state.preset()
                    + "', not '" + preset.name() + "'; use another --work folder");
        }
        if (state.totalSteps() != preset.steps()) {
            if (state.step() > preset.steps()
                    || !preset.schedule().samePrefix(state.step(), state.totalSteps(), preset.steps())) {
                throw new IllegalArgumentException("checkpoint " + checkpoint.dir() + " is at step " + state.step()
                        + " of " + state.totalSteps() + "; with " + preset.steps() + " steps in total its learning rates"
                        + " so far would have been different, so it cannot continue as such a run");
            }
            state = state.withTotalSteps(preset.steps());
        }
        return state;
    }
}
