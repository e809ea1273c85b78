package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {

    @Test
    void aFewAdamStepsLowerTheLossOnTheSameBatch() {
        Batch batch = new BatchSampler(new SyntheticDigits(200, 7).load().train(),
                new ClippedGaussianNoise(0.5f), 16, 11).next();
        try (TrainingSession session = new TrainingSession(new ConvAutoencoder(8), Loss.BINARY_CROSS_ENTROPY, 3)) {
            TrainTestData.assertLossFalls(session, batch, 1e-2f, 0.8f);
        }
    }

    @Test
    void trainerReportsProgressAndMeasuresAHeldOutGain() {
        Preset preset = Presets.syntheticSmoke();
        List<TrainingProgress> reports = new ArrayList<>();
        Trainer trainer = new Trainer(preset, TrainerSettings.inMemory(25), new TrainingListener() {
            @Override
            public void progress(TrainingProgress progress) {
                reports.add(progress);
            }
        });
        TrainingResult result;
        try (TrainingSession session = trainer.openSession()) {
            DatasetSplit data = preset.data().load();
            result = trainer.measure(session, data, trainer.train(session, data));
        }
        assertEquals(List.of(25, 50, 60), reports.stream().map(TrainingProgress::step).toList());
        assertTrue(reports.get(2).loss() < reports.get(0).loss(), "loss did not fall: " + reports);
        assertEquals(preset.steps(), result.steps());
        assertEquals(reports.get(2).loss(), result.finalLoss());
        assertTrue(result.psnrGain() > 0, "no held-out gain: " + result);
    }

    @Test
    void sameSeedGivesTheSameInitialNetwork() {
        float[] input = new BatchSampler(new SyntheticDigits(20, 1).load().train(),
                new ClippedGaussianNoise(0.5f), 2, 1).next().noisy();
        float[] a;
        float[] b;
        float[] other;
        try (TrainingSession s = new TrainingSession(new ConvAutoencoder(4), Loss.MEAN_SQUARED_ERROR, 8)) {
            a = s.denoise(input, 2, 28, 28);
        }
        try (TrainingSession s = new TrainingSession(new ConvAutoencoder(4), Loss.MEAN_SQUARED_ERROR, 8)) {
            b = s.denoise(input, 2, 28, 28);
        }
        try (TrainingSession s = new TrainingSession(new ConvAutoencoder(4), Loss.MEAN_SQUARED_ERROR, 9)) {
            other = s.denoise(input, 2, 28, 28);
        }
        assertEquals(0f, SavedModelRunner.maxAbsDifference(a, b));
        assertTrue(SavedModelRunner.maxAbsDifference(a, other) > 1e-4f);
    }
}
