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

    /**
     * The smallest and largest noise level (root-mean-square deviation from the flat value) over
     * {@code images} noisy copies of a flat image of value {@code level}.
     */
    static double[] noiseLevelRange(NoiseModel noise, float level, int images, long seed) {
        float[] flat = new float[4096];
        java.util.Arrays.fill(flat, level);
        Random random = new Random(seed);
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int i = 0; i < images; i++) {
            double sum = 0;
            for (float v : noise.apply(flat, random)) {
                sum += (v - level) * (v - level);
            }
            double rms = Math.sqrt(sum / flat.length);
            lowest = Math.min(lowest, rms);
            highest = Math.max(highest, rms);
        }
        return new double[] {lowest, highest};
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

    /** The sample standard deviation of {@code values}. */
    static double std(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (float v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
