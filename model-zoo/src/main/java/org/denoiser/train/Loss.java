package org.denoiser.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Training objectives. The supervised ones are averaged over all pixels of the batch; the masked
 * one only over the pixels the batch's mask marks (blind-spot training).
 */
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
    },

    /**
     * Noise2Void's objective: squared error only where the input pixel was hidden, so the network
     * cannot learn the identity and must predict each pixel from its neighbours.
     */
    MASKED_MEAN_SQUARED_ERROR {
        @Override
        Operand<TFloat32> perPixel(Ops tf, Network network, Operand<TFloat32> target) {
            return MEAN_SQUARED_ERROR.perPixel(tf, network, target);
        }

        @Override
        public boolean masked() {
            return true;
        }
    };

    private static final int[] ALL_AXES = {0, 1, 2, 3};

    abstract Operand<TFloat32> perPixel(Ops tf, Network network, Operand<TFloat32> target);

    /** Whether this loss needs a mask fed with every batch. */
    public boolean masked() {
        return false;
    }

    /**
     * The scalar loss over a batch.
     *
     * @param mask 1 where the loss counts, 0 elsewhere; only for {@link #masked()} losses, else null
     */
    public Operand<TFloat32> build(Ops tf, Network network, Operand<TFloat32> target, Operand<TFloat32> mask) {
        Operand<TFloat32> perPixel = perPixel(tf, network, target);
        if (!masked()) {
            return tf.math.mean(perPixel, tf.constant(ALL_AXES));
        }
        // max(count, 1): a batch without masked pixels contributes zero loss instead of NaN
        Operand<TFloat32> count = tf.math.maximum(tf.reduceSum(mask, tf.constant(ALL_AXES)), tf.constant(1f));
        return tf.math.div(tf.reduceSum(tf.math.mul(perPixel, mask), tf.constant(ALL_AXES)), count);
    }
}
