package org.denoiser.classical;

/**
 * BM3D step 1: groups matched on the noisy image, 3-D coefficients at most {@code 2.7 sigma} set
 * to zero; a group with fewer non-zero coefficients is trusted more.
 */
final class HardThresholding extends GroupFilter {
    private final float threshold;

    HardThresholding(float[] noisy, int width, double sigma) {
        super(noisy, width, StepParameters.hardThresholding(sigma));
        this.threshold = (float) (StepParameters.LAMBDA_3D * sigma);
    }

    @Override
    float filter(int[] positions, int count, Workspace work) {
        float[] group = work.group;
        forward(guide(), positions, count, group, work);
        int kept = 0;
        for (int j = 0; j < count * BlockTransform.SIZE; j++) {
            if (Math.abs(group[j]) <= threshold) {
                group[j] = 0;
            } else {
                kept++;
            }
        }
        inverse(group, count, work);
        return kept > 0 ? 1f / kept : 1f;
    }
}
