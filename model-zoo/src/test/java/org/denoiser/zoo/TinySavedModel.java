package org.denoiser.zoo;

import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.TFloat32;

/**
 * Builds a real, tiny TensorFlow SavedModel for zoo tests: one 3x3 convolution whose centre
 * weight is {@code gain}, so two exports with different gains are easy to tell apart.
 */
final class TinySavedModel {
    private TinySavedModel() {}

    static void export(Path dir, float gain) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
            float[][][][] k = new float[3][3][1][1];
            k[1][1][0][0] = gain;
            var kernel = tf.constant(StdArrays.ndCopyOf(k));
            var y = tf.nn.conv2d(x, kernel, java.util.List.of(1L, 1L, 1L, 1L), "SAME", Conv2d.dataFormat("NHWC"));
            SavedModelBundle.exporter(dir.toString())
                    .withSession(s)
                    .withSignature(Signature.builder().key(Signature.DEFAULT_KEY).input("input", x).output("output", y).build())
                    .export();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
