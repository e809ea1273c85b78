package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpikeTest {
    @Test
    void loadsTinyModelThroughDjl(@TempDir Path tmp) throws Exception {
        TensorFlowNatives.ensureInstalled();
        TinySavedModel.export(tmp.resolve("m"), 2f);
        try (Model model = Model.newInstance("tiny", "TensorFlow")) {
            model.load(tmp.resolve("m"));
            try (Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator());
                    NDManager m = NDManager.newBaseManager()) {
                NDList out = p.predict(new NDList(m.ones(new Shape(1, 8, 8, 1))));
                float[] v = out.singletonOrThrow().toFloatArray();
                assertEquals(2f, v[9], 1e-6);
            }
        }
    }
}
