package org.denoiser.classical;

/**
 * What one BM3D step does to a group of matched blocks: transform the stack to 3-D coefficients,
 * shrink them, transform back to pixels, and say how much the result is trusted.
 */
interface GroupFilter {
    /** The image blocks are matched on. */
    float[] guide();

    StepParameters parameters();

    /**
     * Filters the {@code count} blocks at top-left pixels {@code positions} into
     * {@code work.group} (block i at {@code [i * 64, (i + 1) * 64)}, pixels row-major).
     *
     * @return the group's aggregation weight (the inverse of its estimated residual noise)
     */
    float filter(int[] positions, int count, Workspace work);

    /** One thread's scratch buffers, sized for the largest group. */
    final class Workspace {
        final float[] group;
        final float[] guideGroup;
        final float[] scratch = new float[BlockTransform.SIZE];

        Workspace(int maxGroup) {
            group = new float[maxGroup * BlockTransform.SIZE];
            guideGroup = new float[maxGroup * BlockTransform.SIZE];
        }
    }
}
