package org.denoiser.train;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Builds a denoising network on an NHWC input of {@link #channels()} channels, with as many out. */
public interface Architecture {

    Network build(GraphLayers layers, Operand<TFloat32> input);

    /** Image channels in and out: 1 for gray, 3 for a network that denoises RGB jointly. */
    default int channels() {
        return 1;
    }

    /**
     * Noise levels the network is told, as that many constant input channels after the image (0:
     * a blind network). See {@link NoiseModel#levelCount()}.
     */
    default int levelCount() {
        return 0;
    }

    /** Builds the network with its level maps ([N,H,W,levelCount], or null for a blind network). */
    default Network build(GraphLayers layers, Operand<TFloat32> input, Operand<TFloat32> levelMaps) {
        if (levelMaps != null) {
            throw new IllegalArgumentException(description() + " takes no noise levels");
        }
        return build(layers, input);
    }

    /** Input height and width must be multiples of this (the total pooling factor). */
    int sizeMultiple();

    /** How far, in input pixels, an output pixel can see in any direction. Tiles need at least this halo. */
    int receptiveFieldRadius();

    String description();
}
