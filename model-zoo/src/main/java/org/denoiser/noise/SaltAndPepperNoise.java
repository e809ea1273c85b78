package org.denoiser.noise;

/**
 * Impulse noise: each pixel, with probability {@code density}, becomes {@code low} (pepper) or
 * {@code high} (salt) with equal odds; otherwise it keeps its value.
 */
public record SaltAndPepperNoise(double density, double low, double high) implements NoiseModel {

    public SaltAndPepperNoise {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException(
                    "Salt-and-pepper density must be in 0..1, got " + density);
        }
        if (!(Math.abs(low) <= Float.MAX_VALUE && Math.abs(high) <= Float.MAX_VALUE)) {
            throw new IllegalArgumentException("Salt-and-pepper values must be finite 32-bit float values, got "
                    + low + " and " + high);
        }
    }

    @Override
    public float noisy(float value, SeededRandom random) {
        double u = random.nextDouble();
        if (u >= density) {
            return value;
        }
        return (float) (u < density / 2 ? low : high);
    }

    @Override
    public String describe() {
        return "salt-pepper:" + NoiseModels.format(density) + "," + NoiseModels.format(low) + ","
                + NoiseModels.format(high);
    }
}
