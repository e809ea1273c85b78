package org.denoiser.classical;

/**
 * BM3D step 2: groups matched on the basic estimate; the noisy group's 3-D coefficients are scaled
 * by the empirical Wiener gain {@code b^2 / (b^2 + sigma^2)} of the basic estimate's coefficients
 * {@code b}; a group with smaller gains (less signal kept) is trusted more.
 */
final class WienerFiltering implements GroupFilter {
    private final float[] noisy;
    private final float[] basic;
    private final int width;
    private final float variance;
    private final StepParameters parameters;

    WienerFiltering(float[] noisy, float[] basic, int width, double sigma) {
        this.noisy = noisy;
        this.basic = basic;
        this.width = width;
        this.variance = (float) (sigma * sigma);
        this.parameters = StepParameters.wiener(sigma);
    }

    @Override
    public float[] guide() {
        return basic;
    }

    @Override
    public StepParameters parameters() {
        return parameters;
    }

    @Override
    public float filter(int[] positions, int count, Workspace work) {
        float[] group = work.group;
        float[] estimate = work.guideGroup;
        for (int i = 0; i < count; i++) {
            BlockTransform.forward(noisy, width, positions[i], group, i * BlockTransform.SIZE, work.scratch);
            BlockTransform.forward(basic, width, positions[i], estimate, i * BlockTransform.SIZE, work.scratch);
        }
        BlockTransform.hadamard(group, count);
        BlockTransform.hadamard(estimate, count);
        double gains = 0;
        for (int j = 0; j < count * BlockTransform.SIZE; j++) {
            float power = estimate[j] * estimate[j];
            float gain = power / (power + variance);
            group[j] *= gain;
            gains += gain * gain;
        }
        BlockTransform.hadamard(group, count);
        for (int i = 0; i < count; i++) {
            BlockTransform.inverse(group, i * BlockTransform.SIZE, work.scratch);
        }
        return gains > 0 ? (float) (1 / gains) : 1f;
    }
}
