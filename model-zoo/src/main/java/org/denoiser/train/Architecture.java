package org.denoiser.train;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Builds a denoising network on a single-channel NHWC input. */
public interface Architecture {

    Network build(GraphLayers layers, Operand<TFloat32> input);

    /** Input height and width must be multiples of this (the total pooling factor). */
    int sizeMultiple();

    /** How far, in input pixels, an output pixel can see in any direction. Tiles need at least this halo. */
    int receptiveFieldRadius();

    String description();
}
