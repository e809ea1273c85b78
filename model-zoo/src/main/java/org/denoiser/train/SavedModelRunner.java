package org.denoiser.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.denoiser.api.CorruptModelException;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Loads an exported SavedModel back with plain TF Java and runs its default signature; used to
 * check that an export computes exactly what the training graph computed.
 */
public final class SavedModelRunner implements AutoCloseable {

    private final SavedModelBundle bundle;

    private SavedModelRunner(SavedModelBundle bundle) {
        this.bundle = bundle;
    }

    public static SavedModelRunner load(Path dir) {
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            throw new CorruptModelException("no saved_model.pb in " + dir);
        }
        try {
            return new SavedModelRunner(SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG));
        } catch (RuntimeException e) {
            throw new CorruptModelException("cannot load the SavedModel in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Runs a gray model on {@code count} stacked images. */
    public float[] run(float[] pixels, int count, int height, int width) {
        return run(pixels, count, height, width, 1);
    }

    /** Runs a model of {@code channels} image channels on {@code count} stacked images, channels last. */
    public float[] run(float[] pixels, int count, int height, int width, int channels) {
        try (TFloat32 images = TrainingSession.tensor(pixels, count, height, width, channels);
                Result result = bundle.call(Map.<String, Tensor>of(SavedModelExporter.INPUT, images))) {
            return output(result, pixels.length);
        }
    }

    /** Runs the model on the batch's noisy images, with their noise levels if the batch has them. */
    public float[] run(Batch batch) {
        if (batch.levelCount() == 0) {
            return run(batch.noisy(), batch.size(), batch.height(), batch.width(), batch.channels());
        }
        try (TFloat32 images = TrainingSession.tensor(batch.noisy(), batch);
                TFloat32 levels = TrainingSession.levelTensor(batch.levels(), batch.size());
                Result result = bundle.call(Map.<String, Tensor>of(SavedModelExporter.INPUT, images,
                        SavedModelExporter.NOISE_LEVEL, levels))) {
            return output(result, batch.noisy().length);
        }
    }

    private static float[] output(Result result, int length) {
        Tensor output = result.get(SavedModelExporter.OUTPUT).orElseThrow(() ->
                new CorruptModelException("the SavedModel's signature has no '" + SavedModelExporter.OUTPUT + "' output"));
        return TrainingSession.toArray((TFloat32) output, length);
    }

    /** Largest absolute difference between two equally long arrays. */
    public static float maxAbsDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays differ in length: " + a.length + " vs " + b.length);
        }
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Override
    public void close() {
        bundle.close();
    }
}
