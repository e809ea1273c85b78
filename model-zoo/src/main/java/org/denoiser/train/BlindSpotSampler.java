package org.denoiser.train;

import java.util.List;
import java.util.Random;

/**
 * Batches for blind-spot training from the user's noisy planes: square patches at random places
 * of random planes, turned by a random symmetry, with {@link BlindSpotMasking} applied. The target
 * is the noisy patch itself. Batch {@code n} depends only on the seed and {@code n}.
 */
public final class BlindSpotSampler implements BatchSource {

    private final List<NoisyPlanes.Plane> planes;
    private final int batchSize;
    private final int patch;
    private final long seed;

    public BlindSpotSampler(NoisyPlanes planes, int batchSize, int patch, long seed) {
        if (planes.size() == 0) {
            throw new IllegalArgumentException("no planes to train on");
        }
        if (batchSize <= 0 || patch < NoisyPlanes.MIN_PATCH) {
            throw new IllegalArgumentException("batch size must be positive and patches at least "
                    + NoisyPlanes.MIN_PATCH + " pixels, got " + batchSize + " and " + patch);
        }
        this.planes = planes.planes();
        this.batchSize = batchSize;
        this.patch = patch;
        this.seed = seed;
        for (NoisyPlanes.Plane plane : this.planes) {
            if (plane.width() < patch || plane.height() < patch) {
                throw new IllegalArgumentException("patch side " + patch + " does not fit a plane of "
                        + plane.width() + "x" + plane.height());
            }
        }
    }

    @Override
    public Batch batch(long step) {
        Random random = StepRandom.forStep(seed, step);
        int pixels = patch * patch;
        float[] input = new float[batchSize * pixels];
        float[] target = new float[batchSize * pixels];
        float[] mask = new float[batchSize * pixels];
        for (int b = 0; b < batchSize; b++) {
            NoisyPlanes.Plane plane = planes.get(random.nextInt(planes.size()));
            float[] cut = PatchCutter.cut(plane.pixels(), plane.width(), plane.height(), patch, random);
            System.arraycopy(cut, 0, target, b * pixels, pixels);
            BlindSpotMasking.apply(cut, patch, random, input, mask, b * pixels);
        }
        return new Batch(batchSize, patch, patch, input, target, mask);
    }
}
