package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

/** Small helpers shared by the training tests. */
final class TrainTestData {

    private TrainTestData() {
    }

    /** Uniform [0,1) pixels. */
    static float[] randomImage(int pixels, long seed) {
        float[] image = new float[pixels];
        Random random = new Random(seed);
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextFloat();
        }
        return image;
    }

    /** Takes 31 Adam steps on one batch and checks the last loss is below {@code factor} times the first. */
    static void assertLossFalls(TrainingSession session, Batch batch, float learningRate, float factor) {
        float first = session.step(batch, learningRate);
        float last = first;
        for (int i = 0; i < 30; i++) {
            last = session.step(batch, learningRate);
        }
        assertTrue(last < factor * first, "loss went from " + first + " to " + last);
    }
}
