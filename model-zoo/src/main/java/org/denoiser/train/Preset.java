package org.denoiser.train;

/**
 * Everything that defines a training run, as code: network, data, noise, objective and schedule.
 * The seed drives weight init, batch sampling and noise (each from its own derived stream).
 *
 * @param noise the noise added to training images
 * @param validationNoise the fixed noise of the held-out images, e.g. one Gaussian level, so
 *     numbers are comparable between checkpoints and runs
 * @param patchSize side of the square training patches, or 0 to train on whole images
 */
public record Preset(
        String name,
        Architecture architecture,
        DataSource data,
        NoiseModel noise,
        NoiseModel validationNoise,
        Loss loss,
        int batchSize,
        int patchSize,
        int steps,
        LearningRateSchedule schedule,
        long seed) {

    public Preset {
        if (batchSize <= 0 || steps <= 0 || patchSize < 0) {
            throw new IllegalArgumentException("batch size and steps must be positive and patch size >= 0, got "
                    + batchSize + ", " + steps + " and " + patchSize);
        }
        if (patchSize % architecture.sizeMultiple() != 0) {
            throw new IllegalArgumentException("patch size " + patchSize + " is not a multiple of "
                    + architecture.sizeMultiple());
        }
    }

    public Preset withSteps(int newSteps) {
        return new Preset(name, architecture, data, noise, validationNoise, loss, batchSize, patchSize, newSteps,
                schedule, seed);
    }

    public Preset withData(DataSource newData) {
        return new Preset(name, architecture, newData, noise, validationNoise, loss, batchSize, patchSize, steps,
                schedule, seed);
    }

    /** The batches of this run from the given training images. */
    public BatchSource batches(ImageSet train) {
        return patchSize == 0
                ? new BatchSampler(train, noise, batchSize, samplingSeed())
                : new PatchSampler(train, noise, batchSize, patchSize, samplingSeed());
    }

    /** Pixels in one training batch, for "Mpx seen". */
    public long pixelsPerBatch(ImageSet train) {
        return patchSize == 0 ? (long) batchSize * train.pixelsPerImage() : (long) batchSize * patchSize * patchSize;
    }

    long weightSeed() {
        return seed;
    }

    long samplingSeed() {
        return seed + 1;
    }

    /** Held-out noise is fixed by the seed too, so PSNR numbers are comparable across runs. */
    long evaluationSeed() {
        return seed + 2;
    }
}
