package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingSessionTest {

    @Test
    void aFewAdamStepsLowerTheLossOnTheSameBatch() {
        DatasetSplit data = new SyntheticDigits(200, 7).load();
        BatchSampler sampler = new BatchSampler(data.train(), new ClippedGaussianNoise(0.5f), 16, 11);
        Batch batch = sampler.next();
        try (TrainingSession session = new TrainingSession(new ConvAutoencoder(8), Loss.BINARY_CROSS_ENTROPY, 1e-2f, 3)) {
            float first = session.step(batch);
            float last = first;
            for (int i = 0; i < 30; i++) {
                last = session.step(batch);
            }
            System.out.println(first + " -> " + last);
            assertTrue(last < 0.8f * first, "loss went from " + first + " to " + last);
        }
    }
}
