package org.denoiser.train;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The two ends of a built network: {@code output} is what users get (the exported signature),
 * {@code preActivation} is the tensor before the last non-linearity, which losses like binary
 * cross-entropy need for a numerically stable formula. For linear outputs both are the same.
 */
public record Network(Operand<TFloat32> output, Operand<TFloat32> preActivation) {
}
