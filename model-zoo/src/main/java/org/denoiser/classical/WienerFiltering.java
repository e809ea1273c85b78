package org.denoiser.classical;

/**
 * BM3D step 2: groups matched on the basic estimate; the noisy group's 3-D coefficients are scaled
 * by the empirical Wiener gain {@code b^2 / (b^2 + sigma^2)} of the basic estimate's coefficients
 * {@code b}; a group with smaller gains (less signal kept) is trusted more.
 */
final class WienerFiltering extends GroupFilter {
    private final float[] noisy;
    private final float variance;

    WienerFiltering(float[] noisy, float[] basic, int width, double sigma) {
        super(basic, width, StepParameters.wiener(sigma));
        this.noisy = noisy;
        this.variance = (float) (sigma * sigma);
    }

    @Override
    float filter(int[] positions, int count, Workspace work) {
        float[] group = work.group;
        float[] estimate = work.guideGroup;
        forward(noisy, positions, count, group, work);
        forward(guide(), positions, count, estimate, work);
        double gains = 0;
        for (int j = 0; j < count * BlockTransform.SIZE; j++) {
            float power = estimate[j] * estimate[j];
            float gain = power / (power + variance);
            group[j] *= gain;
            gains += gain * gain;
        }
        inverse(group, count, work);
        return gains > 0 ? (float) (1 / gains) : 1f;
    }
}
