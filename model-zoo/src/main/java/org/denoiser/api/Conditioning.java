package org.denoiser.api;

/**
 * How a model is told the noise level, as its {@code model.json} states it (the {@code
 * conditioning} field; blind models have none). The only kind so far, {@link #POISSON_GAUSSIAN_STD},
 * is a second SavedModel input of shape [N,1,1,2] holding the noise's shot and read standard
 * deviations in the network's units: the noise variance at signal x is {@code shot^2 * x + read^2},
 * so Gaussian noise is {@code shot = 0, read = sigma}.
 *
 * @param input name of the SavedModel input that takes the levels, e.g. {@code noise_level}
 * @param kind what the levels mean; see {@link #POISSON_GAUSSIAN_STD}
 * @param maxShot the largest shot-noise std the model saw in training (network units)
 * @param maxRead the largest read-noise std the model saw in training (network units)
 */
public record Conditioning(String input, String kind, double maxShot, double maxRead) {
    /** Two levels, {shot std, read std}, in the network's 0..1 units. */
    public static final String POISSON_GAUSSIAN_STD = "poisson-gaussian-std";

    public Conditioning {
        if (input == null || input.isBlank() || !POISSON_GAUSSIAN_STD.equals(kind)) {
            throw new IllegalArgumentException("conditioning needs an input name and kind " + POISSON_GAUSSIAN_STD
                    + ", got input " + input + ", kind " + kind);
        }
        if (!(maxShot >= 0 && maxRead >= 0) || Double.isInfinite(maxShot) || Double.isInfinite(maxRead)) {
            throw new IllegalArgumentException("conditioning ranges must be finite and >= 0, got shot " + maxShot
                    + ", read " + maxRead);
        }
    }

    /** Levels the input takes per image. */
    public int levelCount() {
        return 2;
    }
}
