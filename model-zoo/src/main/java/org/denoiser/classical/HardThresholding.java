package org.denoiser.classical;

/**
 * BM3D step 1: groups matched on the noisy image, 2-D DCT + 1-D Walsh-Hadamard, coefficients
 * below {@code 2.7 sigma} set to zero; a group with fewer non-zero coefficients is trusted more.
 */
final class HardThresholding implements GroupFilter {
    private final float[] noisy;
    private final int width;
    private final float threshold;
    private final StepParameters parameters;

    HardThresholding(float[] noisy, int width, double sigma) {
        this.noisy = noisy;
        this.width = width;
        this.threshold = (float) (StepParameters.LAMBDA_3D * sigma);
        this.parameters = StepParameters.hardThresholding(sigma);
    }

    @Override
    public float[] guide() {
        return noisy;
    }

    @Override
    public StepParameters parameters() {
        return parameters;
    }

    @Override
    public float filter(int[] positions, int count, Workspace work) {
        float[] group = work.group;
        for (int i = 0; i < count; i++) {
            BlockTransform.forward(noisy, width, positions[i], group, i * BlockTransform.SIZE, work.scratch);
        }
        BlockTransform.hadamard(group, count);
        int kept = 0;
        for (int j = 0; j < count * BlockTransform.SIZE; j++) {
            if (Math.abs(group[j]) <= threshold) {
                group[j] = 0;
            } else {
                kept++;
            }
        }
        BlockTransform.hadamard(group, count);
        for (int i = 0; i < count; i++) {
            BlockTransform.inverse(group, i * BlockTransform.SIZE, work.scratch);
        }
        return kept > 0 ? 1f / kept : 1f;
    }
}
