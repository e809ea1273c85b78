package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The flux-preserving loss charges a shift of the local mean heavily and pixel-to-pixel noise hardly at all. */
class FluxPreservingLossTest {
    private static final int SIDE = 32;

    @Test
    void aShiftedMeanCostsTheBlurredTermTooButCheckerboardNoiseDoesNot() {
        float[] shifted = new float[SIDE * SIDE];
        float[] checkerboard = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                shifted[y * SIDE + x] = 0.1f;
                checkerboard[y * SIDE + x] = (x + y) % 2 == 0 ? 0.1f : -0.1f;
            }
        }
        // Away from the borders (where SAME padding sees zeros) the blur keeps a constant and removes a checkerboard.
        assertEquals((1 + Loss.FLUX_WEIGHT) * 0.01, centreLoss(shifted), 1e-4);
        assertEquals(0.01, centreLoss(checkerboard), 1e-4);
    }

    /** The mean per-pixel loss over the central 8x8 pixels when the network is off from the target by {@code error}. */
    private static double centreLoss(float[] error) {
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> output = tf.constant(Shape.of(1, SIDE, SIDE, 1), DataBuffers.of(error));
            Operand<TFloat32> target = tf.constant(Shape.of(1, SIDE, SIDE, 1), DataBuffers.of(new float[SIDE * SIDE]));
            Operand<TFloat32> perPixel = Loss.FLUX_PRESERVING_SQUARED_ERROR.perPixel(tf, new Network(output, output), target);
            try (Result result = session.runner().fetch(perPixel).run()) {
                TFloat32 values = (TFloat32) result.get(0);
                double sum = 0;
                for (int y = 12; y < 20; y++) {
                    for (int x = 12; x < 20; x++) {
                        sum += values.getFloat(0, y, x, 0);
                    }
                }
                return sum / 64;
            }
        }
    }
}
