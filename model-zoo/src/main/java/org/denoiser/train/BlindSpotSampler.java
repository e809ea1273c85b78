package org.denoiser.train;

import java.util.List;
import java.util.Random;
import org.denoiser.inference.NoiseConditioning;
import org.denoiser.noise.NoiseLevels;

/**
 * Batches for blind-spot training from the user's noisy planes: square patches at random places
 * of random planes, turned by a random symmetry, with {@link BlindSpotMasking} applied. The target
 * is the noisy patch itself. Batch {@code n} depends only on the seed and {@code n}. A network
 * that is told the noise level (fine-tuning {@code poisson-gauss-nl}) gets each plane's level as
 * the denoiser will estimate it for that plane, so it learns to use what it will be told.
 */
public final class BlindSpotSampler implements BatchSource {

    private final List<NoisyPlanes.Plane> planes;
    private final int batchSize;
    private final int patch;
    private final long seed;
    /** Per plane, the levels the network is told (empty arrays for a blind network). */
    private final List<float[]> levels;

    /** For a blind network. */
    public BlindSpotSampler(NoisyPlanes planes, int batchSize, int patch, long seed) {
        this(planes, batchSize, patch, seed, 0);
    }

    /** @param levelCount noise levels the network is told: 0 (blind) or 2 (shot and read std) */
    public BlindSpotSampler(NoisyPlanes planes, int batchSize, int patch, long seed, int levelCount) {
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
        if (levelCount != 0 && levelCount != CameraNoiseRange.LEVELS) {
            throw new IllegalArgumentException("a network is told 0 or " + CameraNoiseRange.LEVELS + " noise levels, not " + levelCount);
        }
        this.levels = this.planes.stream().map(plane -> levelCount == 0 ? new float[0] : estimated(plane)).toList();
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
        int levelCount = levels.get(0).length;
        float[] told = new float[batchSize * levelCount];
        for (int b = 0; b < batchSize; b++) {
            int index = random.nextInt(planes.size());
            NoisyPlanes.Plane plane = planes.get(index);
            float[] cut = PatchCutter.cut(plane.pixels(), plane.width(), plane.height(), patch, random);
            System.arraycopy(cut, 0, target, b * pixels, pixels);
            BlindSpotMasking.apply(cut, patch, random, input, mask, b * pixels);
            System.arraycopy(levels.get(index), 0, told, b * levelCount, levelCount);
        }
        return new Batch(batchSize, patch, patch, input, target, mask, told);
    }

    private static float[] estimated(NoisyPlanes.Plane plane) {
        NoiseLevels estimate = NoiseConditioning.estimate(plane.pixels(), plane.width(), plane.height());
        return new float[] {(float) estimate.shot(), (float) estimate.read()};
    }
}
