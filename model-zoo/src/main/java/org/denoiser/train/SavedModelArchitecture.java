package org.denoiser.train;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.denoiser.api.CorruptModelException;
import org.tensorflow.GraphOperation;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;

/**
 * Recovers the architecture of an exported model from its weights, so any U-Net this project
 * trained (shipped, or a user's own) can be fine-tuned without a separate record of how it was
 * built.
 */
final class SavedModelArchitecture {

    private SavedModelArchitecture() {
    }

    static Architecture of(Path savedModel) {
        Map<String, Shape> weights = new HashMap<>();
        try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), SavedModelBundle.DEFAULT_TAG)) {
            Iterator<GraphOperation> operations = bundle.graph().operations();
            while (operations.hasNext()) {
                GraphOperation operation = operations.next();
                if (operation.type().startsWith("Variable")) {
                    weights.put(operation.name(), operation.output(0).shape());
                }
            }
        } catch (TensorFlowException | IllegalArgumentException e) {
            throw new CorruptModelException("cannot read the SavedModel in " + savedModel + ": " + e.getMessage(), e);
        }
        return UNet.fromWeights(weights).orElseThrow(() -> new CorruptModelException("the model in " + savedModel
                + " is not one of this project's U-Nets, so it cannot be fine-tuned"));
    }
}
