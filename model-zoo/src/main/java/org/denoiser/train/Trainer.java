package org.denoiser.train;

import java.util.function.Consumer;

/**
 * The training loop: samples batches, runs Adam steps, reports progress every
 * {@code reportEvery} steps, and measures held-out PSNR at the end.
 */
public final class Trainer {

    private final Preset preset;
    private final int reportEvery;
    private final Consumer<TrainingProgress> progress;

    public Trainer(Preset preset, int reportEvery, Consumer<TrainingProgress> progress) {
        if (reportEvery <= 0) {
            throw new IllegalArgumentException("reportEvery must be positive, got " + reportEvery);
        }
        this.preset = preset;
        this.reportEvery = reportEvery;
        this.progress = progress;
    }

    /** Opens a session for the preset's architecture; the caller owns (and closes) it. */
    public TrainingSession openSession() {
        return new TrainingSession(preset.architecture(), preset.loss(), preset.learningRate(), preset.weightSeed());
    }

    public TrainingResult train(TrainingSession session, DatasetSplit data) {
        BatchSampler sampler = new BatchSampler(data.train(), preset.noise(), preset.batchSize(), preset.samplingSeed());
        long start = System.nanoTime();
        double lossSinceReport = 0;
        int stepsSinceReport = 0;
        float lastReportedLoss = Float.NaN;
        for (int step = 1; step <= preset.steps(); step++) {
            lossSinceReport += session.step(sampler.next());
            stepsSinceReport++;
            if (step % reportEvery == 0 || step == preset.steps()) {
                lastReportedLoss = (float) (lossSinceReport / stepsSinceReport);
                progress.accept(new TrainingProgress(step, preset.steps(), lastReportedLoss, secondsSince(start)));
                lossSinceReport = 0;
                stepsSinceReport = 0;
            }
        }
        double trainingSeconds = secondsSince(start);
        HeldOutEvaluation evaluation = new HeldOutEvaluation(data.test(), preset.noise(), preset.evaluationSeed());
        return new TrainingResult(preset.steps(), trainingSeconds, lastReportedLoss,
                evaluation.meanPsnrNoisy(), evaluation.meanPsnrDenoised(session));
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
