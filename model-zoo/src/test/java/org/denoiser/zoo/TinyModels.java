package org.denoiser.zoo;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Path;
import java.util.Map;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.ModelNormalization;

/** Packs {@link TinySavedModel}s as zoo folders and runs them, for the zoo tests. */
final class TinyModels {
    private TinyModels() {}

    static ModelInfo info(String id, String version) {
        return new ModelInfo(id, version, "test model", "nothing", "none", 1, ModelNormalization.DEFAULT, 1, 1, 0, Map.of(), null);
    }

    /** Packs a model that multiplies by {@code gain} into {@code root/NAME}. */
    static void pack(Path root, String id, String version, float gain) {
        Path export = root.resolveSibling(root.getFileName() + "-export-" + gain);
        TinySavedModel.export(export, gain);
        ModelPackager.pack(export, info(id, version), root);
    }

    /** The model's output for an all-ones 8x8 image, at an interior pixel. */
    static float centreOutput(ZooModel<NDList, NDList> model) throws Exception {
        try (Predictor<NDList, NDList> p = model.newPredictor(); NDManager m = NDManager.newBaseManager()) {
            NDList out = p.predict(new NDList(m.ones(new Shape(1, 8, 8, 1))));
            return out.singletonOrThrow().toFloatArray()[9];
        }
    }
}
