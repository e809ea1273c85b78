package org.denoiser.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Training objectives, each averaged over all pixels of the batch. */
public enum Loss {

    /**
     * Keras' binary cross-entropy on a sigmoid output, written on the pre-sigmoid logits x as
     * {@code max(x,0) - x*z + log(1 + exp(-|x|))} so it never takes log(0).
     */
    BINARY_CROSS_ENTROPY {
        @Override
        Operand<TFloat32> perPixel(Ops tf, Network network, Operand<TFloat32> target) {
            Operand<TFloat32> x = network.preActivation();
            return tf.math.add(
                    tf.math.sub(tf.nn.relu(x), tf.math.mul(x, target)),
                    tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x)))));
        }
    },

    MEAN_SQUARED_ERROR {
        @Override
        Operand<TFloat32> perPixel(Ops tf, Network network, Operand<TFloat32> target) {
            return tf.math.squaredDifference(network.output(), target);
        }
    };

    abstract Operand<TFloat32> perPixel(Ops tf, Network network, Operand<TFloat32> target);

    /** The scalar mean loss over a batch. */
    public Operand<TFloat32> build(Ops tf, Network network, Operand<TFloat32> target) {
        Operand<TFloat32> perPixel = perPixel(tf, network, target);
        return tf.math.mean(perPixel, tf.constant(new int[] {0, 1, 2, 3}));
    }
}
