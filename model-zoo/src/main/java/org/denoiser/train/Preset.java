package org.denoiser.train;

/**
 * Everything that defines a training run, as code: network, data, noise, objective and schedule.
 * The seed drives weight init, batch sampling and noise (each from its own derived stream).
 */
public record Preset(
        String name,
        Architecture architecture,
        DataSource data,
        NoiseModel noise,
        Loss loss,
        int batchSize,
        int steps,
        float learningRate,
        long seed) {

    public Preset {
        if (batchSize <= 0 || steps <= 0) {
            throw new IllegalArgumentException("batch size and steps must be positive, got "
                    + batchSize + " and " + steps);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
    }

    public Preset withSteps(int newSteps) {
        return new Preset(name, architecture, data, noise, loss, batchSize, newSteps, learningRate, seed);
    }

    public Preset withData(DataSource newData) {
        return new Preset(name, architecture, newData, noise, loss, batchSize, steps, learningRate, seed);
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
