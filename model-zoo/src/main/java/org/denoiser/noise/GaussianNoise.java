package org.denoiser.noise;

/** Additive white Gaussian noise: {@code value + N(0, sigma^2)}, sigma in image units. */
public record GaussianNoise(double sigma) implements NoiseModel {

    public GaussianNoise {
        NoiseModels.requireLevel("Gaussian sigma", sigma, true);
    }

    @Override
    public float noisy(float value, SeededRandom random) {
        return (float) (value + sigma * random.nextGaussian());
    }

    @Override
    public String describe() {
        return "gaussian:" + NoiseModels.format(sigma);
    }
}
