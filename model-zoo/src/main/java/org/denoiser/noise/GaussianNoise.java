package org.denoiser.noise;

/** Additive white Gaussian noise: {@code value + N(0, sigma^2)}, sigma in image units. */
public record GaussianNoise(double sigma) implements NoiseModel {

    public GaussianNoise {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Gaussian sigma must be finite and >= 0, got " + sigma);
        }
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
