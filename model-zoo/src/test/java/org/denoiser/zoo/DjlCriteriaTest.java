package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;
import org.junit.jupiter.api.Test;

/** Plain DJL users find the bundled models through the ServiceLoader-registered zoo. */
class DjlCriteriaTest {
    @Test
    void plainCriteriaLoadTheBundledSeedModel() throws Exception {
        TensorFlowNatives.ensureInstalled();
        assertTrue(ModelZoo.hasModelZoo(DenoiserModelZoo.GROUP), "zoo registered through META-INF/services");
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optGroupId("denoise")
                .optArtifactId("mnist-seed")
                .optEngine("TensorFlow")
                .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            NDList out = predictor.predict(new NDList(manager.zeros(new Shape(1, 28, 28, 1))));
            assertArrayEquals(new long[] {1, 28, 28, 1}, out.singletonOrThrow().getShape().getShape());
        }
    }
}
