package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam as graph ops, with the learning rate fed per step (so a schedule can change it) and all of
 * its state in graph variables: the first and second moments per weight and the step count. A
 * checkpoint of the session's variables therefore holds the complete optimizer state.
 *
 * <p>TF Java's own {@code Adam} bakes the learning rate in as a constant, hence this class.
 */
final class AdamUpdate {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    // The defaults of TF Java's own Adam, which trained the seed model.
    private static final float EPSILON = 1e-8f;

    private final Placeholder<TFloat32> learningRate;
    private final Op update;

    AdamUpdate(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> weights) {
        learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        Variable<TFloat32> step = tf.withName("adam_step").variable(tf.constant(0f));
        Operand<TFloat32> nextStep = tf.math.add(step, tf.constant(1f));
        Operand<TFloat32> beta1Power = tf.math.pow(tf.constant(BETA1), nextStep);
        Operand<TFloat32> beta2Power = tf.math.pow(tf.constant(BETA2), nextStep);

        Gradients gradients = tf.gradients(loss, weights);
        // Backpropagation reads the weights (dL/dx = W^T dL/dy), so no weight may change before
        // every gradient is computed; otherwise results depend on op scheduling and a run is not
        // reproducible. The identities give the updates one dependency per gradient.
        List<Op> gradientsDone = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            gradientsDone.add(tf.identity(gradients.<TFloat32>dy(i)));
        }
        Ops afterGradients = tf.withControlDependencies(gradientsDone);
        List<Op> applied = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            Variable<TFloat32> weight = weights.get(i);
            String name = weight.op().name();
            Variable<TFloat32> m = tf.withName(name + "_adam_m").variable(zeros(tf, weight.shape()));
            Variable<TFloat32> v = tf.withName(name + "_adam_v").variable(zeros(tf, weight.shape()));
            Operand<TFloat32> gradient = gradients.<TFloat32>dy(i);
            applied.add(afterGradients.train.applyAdam(weight, m, v, beta1Power, beta2Power, learningRate,
                    tf.constant(BETA1), tf.constant(BETA2), tf.constant(EPSILON), gradient));
        }
        // The step count moves only after every weight has been updated with the old count.
        update = tf.withControlDependencies(applied).withName("train_step").assign(step, nextStep);
    }

    private static Operand<TFloat32> zeros(Ops tf, Shape shape) {
        return tf.constant(shape, DataBuffers.of(new float[(int) shape.size()]));
    }

    Placeholder<TFloat32> learningRate() {
        return learningRate;
    }

    Op update() {
        return update;
    }
}
