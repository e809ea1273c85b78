package org.denoiser.classical;

/**
 * The weighted average of every filtered block estimate of each pixel, blocks weighted by their
 * group's weight times a Kaiser window (which tempers the blocking at block borders). One per
 * thread; the threads' sums are added at the end.
 */
final class Aggregation {
    private static final float[] KAISER = kaiser();

    private final int width;
    private final float[] numerator;
    private final float[] denominator;

    Aggregation(int width, int height) {
        this.width = width;
        this.numerator = new float[width * height];
        this.denominator = new float[width * height];
    }

    /** Adds {@code block[at .. at + 64)}, whose top-left pixel is {@code position}, with {@code weight}. */
    void add(float[] block, int at, int position, float weight) {
        for (int y = 0; y < BlockTransform.SIDE; y++) {
            int row = position + y * width;
            for (int x = 0; x < BlockTransform.SIDE; x++) {
                float w = weight * KAISER[y * BlockTransform.SIDE + x];
                numerator[row + x] += w * block[at + y * BlockTransform.SIDE + x];
                denominator[row + x] += w;
            }
        }
    }

    void addAll(Aggregation other) {
        for (int i = 0; i < numerator.length; i++) {
            numerator[i] += other.numerator[i];
            denominator[i] += other.denominator[i];
        }
    }

    /** The estimate; every pixel is covered because the reference grid reaches the last block. */
    float[] estimate() {
        float[] estimate = new float[numerator.length];
        for (int i = 0; i < estimate.length; i++) {
            estimate[i] = numerator[i] / denominator[i];
        }
        return estimate;
    }

    /** The 8x8 Kaiser window with beta 2, the outer product of two 1-D windows. */
    private static float[] kaiser() {
        int n = BlockTransform.SIDE;
        double[] window = new double[n];
        for (int i = 0; i < n; i++) {
            double r = 2.0 * i / (n - 1) - 1;
            window[i] = besselI0(StepParameters.KAISER_BETA * Math.sqrt(1 - r * r)) / besselI0(StepParameters.KAISER_BETA);
        }
        float[] kaiser = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                kaiser[y * n + x] = (float) (window[y] * window[x]);
            }
        }
        return kaiser;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 30; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
