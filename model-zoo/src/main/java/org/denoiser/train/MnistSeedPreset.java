package org.denoiser.train;

import java.nio.file.Path;

/**
 * The seed model: the Keras MNIST denoising autoencoder (32 filters, Adam 1e-3, binary
 * cross-entropy, batch 128, Gaussian noise factor 0.5 clipped to [0,1]).
 */
public final class MnistSeedPreset {

    public static final String NAME = "mnist-seed";
    public static final int DEFAULT_STEPS = 4000;
    public static final long SEED = 20240501L;

    private MnistSeedPreset() {
    }

    public static Preset create(Path mnistCacheDir) {
        ClippedGaussianNoise noise = new ClippedGaussianNoise(0.5f);
        return new Preset(NAME, new ConvAutoencoder(32), new MnistDigits(mnistCacheDir), noise, noise,
                Loss.BINARY_CROSS_ENTROPY, 128, 0, DEFAULT_STEPS, LearningRateSchedule.constant(1e-3f), SEED);
    }
}
