package org.denoiser.train;

import org.denoiser.train.GraphLayers.Activation;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The Keras MNIST denoising autoencoder: conv(relu) + 2x2 max-pool twice, then nearest x2
 * upsampling + conv(relu) twice, then a 1-filter conv with a sigmoid. All convolutions are 3x3,
 * "same" padding. Upsampling replaces the example's Conv2DTranspose so the graph stays
 * size-agnostic and free of checkerboard artefacts.
 */
public final class ConvAutoencoder implements Architecture {

    private static final int KERNEL = 3;

    private final int filters;

    public ConvAutoencoder(int filters) {
        if (filters <= 0) {
            throw new IllegalArgumentException("filters must be positive, got " + filters);
        }
        this.filters = filters;
    }

    @Override
    public Network build(GraphLayers layers, Operand<TFloat32> input) {
        Operand<TFloat32> x = layers.conv(layers.toCompute(input), 1, filters, KERNEL, Activation.RELU);
        x = layers.maxPool2x2(x);
        x = layers.conv(x, filters, filters, KERNEL, Activation.RELU);
        x = layers.maxPool2x2(x);

        x = layers.upsample2x(x);
        x = layers.conv(x, filters, filters, KERNEL, Activation.RELU);
        x = layers.upsample2x(x);
        x = layers.conv(x, filters, filters, KERNEL, Activation.RELU);
        Operand<TFloat32> logits = layers.toFloat32(layers.conv(x, filters, 1, KERNEL, Activation.LINEAR));
        return new Network(layers.tf().math.sigmoid(logits), logits);
    }

    @Override
    public int sizeMultiple() {
        return 4;
    }

    /**
     * Tracing the layers back from one output pixel (conv, conv, up, conv, up, pool, conv, pool,
     * conv) gives an input window of 18 pixels that sits 7 to 10 pixels either side, depending on
     * the pixel's position modulo 4; the worst side is 10.
     */
    @Override
    public int receptiveFieldRadius() {
        return 10;
    }

    @Override
    public String description() {
        return "conv autoencoder, " + filters + " filters, 3x3 convs, 2 max-pools, 2 nearest upsamplings, sigmoid output";
    }
}
