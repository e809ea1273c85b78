package org.denoiser.train;

import java.util.List;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras-like layers as TensorFlow graph ops, NHWC float32. Only size-agnostic ops are used, so a
 * graph built here accepts any height and width that are multiples of the total pooling factor.
 *
 * <p>Weights start from Glorot-uniform values (the Keras default) drawn from one seeded
 * {@link Random} in layer order, so a given seed and architecture always give the same network.
 */
public final class GraphLayers {

    /** What follows a convolution. Sigmoid outputs are built by the architecture from logits. */
    public enum Activation { RELU, LINEAR }

    private static final List<Long> UNIT_STRIDES = List.of(1L, 1L, 1L, 1L);

    private final Ops tf;
    private final Random init;
    private int layerCount;

    public GraphLayers(Ops tf, long seed) {
        this.tf = tf;
        this.init = new Random(seed);
    }

    public Ops tf() {
        return tf;
    }

    /** Square kernel, stride 1, "same" padding, bias, then the activation. */
    public Operand<TFloat32> conv(Operand<TFloat32> input, int inChannels, int filters, int kernel,
            Activation activation) {
        String name = "conv" + layerCount++;
        Ops scope = tf.withSubScope(name);
        // Variables live in the root scope with flat names: Adam derives its slot names from the
        // variable name and rejects the '/' a sub-scope would add.
        Operand<TFloat32> weights = tf.withName(name + "_kernel").variable(
                glorotUniform(scope, kernel, kernel, inChannels, filters));
        Operand<TFloat32> bias = tf.withName(name + "_bias").variable(
                scope.constant(Shape.of(filters), DataBuffers.of(new float[filters])));
        Operand<TFloat32> convolved = scope.nn.biasAdd(
                scope.nn.conv2d(input, weights, UNIT_STRIDES, "SAME"), bias);
        return activation == Activation.RELU ? scope.nn.relu(convolved) : convolved;
    }

    /** 2x2 max pooling with stride 2: halves height and width. */
    public Operand<TFloat32> maxPool2x2(Operand<TFloat32> input) {
        Ops scope = tf.withSubScope("pool" + layerCount++);
        Operand<TInt32> window = scope.constant(new int[] {1, 2, 2, 1});
        return scope.nn.maxPool(input, window, window, "VALID");
    }

    /** Nearest-neighbour x2 upsampling; the target size is read from the input's dynamic shape. */
    public Operand<TFloat32> upsample2x(Operand<TFloat32> input) {
        Ops scope = tf.withSubScope("upsample" + layerCount++);
        Operand<TInt32> heightWidth = scope.stridedSlice(scope.shape(input), Indices.slice(1, 3));
        Operand<TInt32> doubled = scope.math.mul(heightWidth, scope.constant(2));
        return scope.image.resizeNearestNeighbor(input, doubled);
    }

    private Operand<TFloat32> glorotUniform(Ops scope, int kh, int kw, int in, int out) {
        double fanIn = (double) kh * kw * in;
        double fanOut = (double) kh * kw * out;
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] values = new float[kh * kw * in * out];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((init.nextDouble() * 2 - 1) * limit);
        }
        return scope.constant(Shape.of(kh, kw, in, out), DataBuffers.of(values));
    }
}
