package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBfloat16;
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

    /**
     * The number type the layers compute in. Weights are always stored as float32 (so one
     * checkpoint serves both); in BFLOAT16 they are cast when used, which halves memory traffic.
     */
    public enum Precision { FLOAT32, BFLOAT16 }

    private static final List<Long> UNIT_STRIDES = List.of(1L, 1L, 1L, 1L);

    private final Ops tf;
    private final Random init;
    private final Precision precision;
    private final List<Variable<TFloat32>> variables = new ArrayList<>();
    private int layerCount;

    public GraphLayers(Ops tf, long seed) {
        this(tf, seed, Precision.FLOAT32);
    }

    public GraphLayers(Ops tf, long seed, Precision precision) {
        this.tf = tf;
        this.init = new Random(seed);
        this.precision = precision;
    }

    /**
     * The network input in the compute precision; architectures call this first and
     * {@link #toFloat32} on their result. In FLOAT32 both add nothing to the graph.
     *
     * <p>In BFLOAT16 the Java type still says float32: TF Java's generics cannot follow a dtype
     * chosen at run time, and the graph checks the real dtypes when ops are added.
     */
    public Operand<TFloat32> toCompute(Operand<TFloat32> x) {
        return precision == Precision.FLOAT32 ? x : asFloat32(tf.dtypes.cast(x, TBfloat16.class));
    }

    /** A compute-precision tensor back in float32. */
    public Operand<TFloat32> toFloat32(Operand<TFloat32> x) {
        return precision == Precision.FLOAT32 ? x : tf.dtypes.cast(x, TFloat32.class);
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> asFloat32(Operand<?> bfloat16) {
        return (Operand<TFloat32>) bfloat16;
    }

    public Ops tf() {
        return tf;
    }

    /** The trainable weights created so far, in creation order. */
    public List<Variable<TFloat32>> variables() {
        return List.copyOf(variables);
    }

    /** Square kernel, stride 1, "same" padding, bias, then the activation. */
    public Operand<TFloat32> conv(Operand<TFloat32> input, int inChannels, int filters, int kernel,
            Activation activation) {
        String name = "conv" + layerCount++;
        Ops scope = tf.withSubScope(name);
        Operand<TFloat32> weights = weights(name + "_kernel",
                glorotUniform(scope, kernel, kernel, inChannels, filters, kernel * kernel * inChannels, kernel * kernel * filters));
        Operand<TFloat32> convolved = scope.nn.biasAdd(
                scope.nn.conv2d(input, weights, UNIT_STRIDES, "SAME"), bias(scope, name, filters));
        return activation == Activation.RELU ? scope.nn.relu(convolved) : convolved;
    }

    /**
     * Learned x2 upsampling: a 2x2 transposed convolution with stride 2 (each input pixel paints
     * its own 2x2 block, so there is no checkerboard overlap), bias, then ReLU. The output size is
     * read from the input's dynamic shape, so any image size works.
     */
    public Operand<TFloat32> upConv2x2(Operand<TFloat32> input, int inChannels, int filters) {
        String name = "upconv" + layerCount++;
        Ops scope = tf.withSubScope(name);
        // Conv2DBackpropInput's filter is [h, w, out, in]: the transpose of a conv from out to in.
        Operand<TFloat32> weights = weights(name + "_kernel",
                glorotUniform(scope, 2, 2, filters, inChannels, 4 * inChannels, 4 * filters));
        Operand<TInt32> shape = scope.shape(input);
        Operand<TInt32> batch = scope.stridedSlice(shape, Indices.slice(0, 1));
        Operand<TInt32> heightWidth = scope.math.mul(scope.stridedSlice(shape, Indices.slice(1, 3)), scope.constant(2));
        Operand<TInt32> outputShape = scope.concat(List.of(batch, heightWidth, scope.constant(new int[] {filters})),
                scope.constant(0));
        Operand<TFloat32> upsampled = scope.nn.conv2dBackpropInput(outputShape, weights, input,
                List.of(1L, 2L, 2L, 1L), "VALID");
        return scope.nn.relu(scope.nn.biasAdd(upsampled, bias(scope, name, filters)));
    }

    /** Joins two feature maps of the same height and width along the channel axis. */
    public Operand<TFloat32> concatChannels(Operand<TFloat32> a, Operand<TFloat32> b) {
        return tf.withSubScope("concat" + layerCount++).concat(List.of(a, b), tf.constant(3));
    }

    private Operand<TFloat32> weights(String name, Operand<TFloat32> initial) {
        // Variables live in the root scope with flat names: optimizer slot names derive from them.
        Variable<TFloat32> variable = tf.withName(name).variable(initial);
        variables.add(variable);
        return toCompute(variable);
    }

    private Operand<TFloat32> bias(Ops scope, String layer, int filters) {
        return weights(layer + "_bias", scope.constant(Shape.of(filters), DataBuffers.of(new float[filters])));
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

    private Operand<TFloat32> glorotUniform(Ops scope, int d0, int d1, int d2, int d3, double fanIn, double fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] values = new float[d0 * d1 * d2 * d3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((init.nextDouble() * 2 - 1) * limit);
        }
        return scope.constant(Shape.of(d0, d1, d2, d3), DataBuffers.of(values));
    }
}
