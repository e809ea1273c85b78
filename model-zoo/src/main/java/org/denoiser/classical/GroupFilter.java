package org.denoiser.classical;

/**
 * What one BM3D step does to a group of matched blocks: transform the stack to 3-D coefficients
 * (2-D DCT of each block, Walsh-Hadamard along the group), shrink them, transform back to pixels,
 * and say how much the result is trusted.
 */
abstract class GroupFilter {
    private final float[] guide;
    private final int width;
    private final StepParameters parameters;

    /** {@code guide}: the image blocks are matched on, row-major with {@code width} columns. */
    GroupFilter(float[] guide, int width, StepParameters parameters) {
        this.guide = guide;
        this.width = width;
        this.parameters = parameters;
    }

    final float[] guide() {
        return guide;
    }

    final StepParameters parameters() {
        return parameters;
    }

    /**
     * Filters the {@code count} blocks at top-left pixels {@code positions} into
     * {@code work.group} (block i at {@code [i * 64, (i + 1) * 64)}, pixels row-major).
     *
     * @return the group's aggregation weight (the inverse of its estimated residual noise)
     */
    abstract float filter(int[] positions, int count, Workspace work);

    /** The 3-D coefficients of the blocks of {@code image} at {@code positions} into {@code group}. */
    final void forward(float[] image, int[] positions, int count, float[] group, Workspace work) {
        for (int i = 0; i < count; i++) {
            BlockTransform.forward(image, width, positions[i], group, i * BlockTransform.SIZE, work.scratch);
        }
        BlockTransform.hadamard(group, count);
    }

    /** Back from 3-D coefficients to the pixels of {@code count} blocks, in place. */
    static void inverse(float[] group, int count, Workspace work) {
        BlockTransform.hadamard(group, count);
        for (int i = 0; i < count; i++) {
            BlockTransform.inverse(group, i * BlockTransform.SIZE, work.scratch);
        }
    }

    /** One thread's scratch buffers, sized for the largest group. */
    static final class Workspace {
        final float[] group;
        final float[] guideGroup;
        final float[] scratch = new float[BlockTransform.SIZE];

        Workspace(int maxGroup) {
            group = new float[maxGroup * BlockTransform.SIZE];
            guideGroup = new float[maxGroup * BlockTransform.SIZE];
        }
    }
}
