package org.denoiser.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
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
     * Squared error plus {@link #FLUX_WEIGHT} times the squared error after a Gaussian blur about as
     * wide as a photometric aperture (sigma {@link #FLUX_BLUR_SIGMA} px). A plain squared error lets
     * a network shrink faint sources toward the background, which costs little per pixel but biases
     * every flux measured on them (MODELS.md, "Bright sources and flat fields"); the blurred term
     * sees exactly that error (the sum over a blob survives the blur) and hardly any of the
     * pixel-to-pixel noise (which the blur averages away).
     */
    FLUX_PRESERVING_SQUARED_ERROR {
        @Override
        Operand<TFloat32> perPixel(Ops tf, Network network, Operand<TFloat32> target) {
            Operand<TFloat32> residual = tf.math.sub(network.output(), target);
            Operand<TFloat32> blurred = tf.nn.conv2d(residual, gaussianKernel(tf), List.of(1L, 1L, 1L, 1L), "SAME");
            return tf.math.add(tf.math.square(residual), tf.math.mul(tf.constant(FLUX_WEIGHT), tf.math.square(blurred)));
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
    static final float FLUX_BLUR_SIGMA = 2f;
    static final float FLUX_WEIGHT = 20f;

    /** A normalized Gaussian, 4 sigmas each side, as a [k, k, 1, 1] convolution kernel. */
    static Operand<TFloat32> gaussianKernel(Ops tf) {
        int radius = (int) Math.ceil(4 * FLUX_BLUR_SIGMA);
        int side = 2 * radius + 1;
        float[] kernel = new float[side * side];
        double sum = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double r2 = (x - radius) * (x - radius) + (y - radius) * (y - radius);
                kernel[y * side + x] = (float) Math.exp(-r2 / (2 * FLUX_BLUR_SIGMA * FLUX_BLUR_SIGMA));
                sum += kernel[y * side + x];
            }
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        return tf.constant(Shape.of(side, side, 1, 1), DataBuffers.of(kernel));
    }

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
