package org.denoiser.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.api.DenoiseException;
import org.denoiser.io.Montage;

/**
 * One training run from a preset, as {@code denoiser train} starts it. Trains, exports {@code DIR/savedmodel}, checks the export against the training graph, and
 * writes {@code DIR/training.json} and {@code DIR/montage.png}.
 */
public final class TrainingRun {

    private static final int MONTAGE_ROWS = 10;
    private static final int MONTAGE_SCALE = 4;
    /** Export check tolerance: the reloaded graph must reproduce the training graph's output. */
    static final float EXPORT_TOLERANCE = 1e-5f;

    private TrainingRun() {
    }

    public static TrainingReport run(TrainOptions options) {
        Preset preset = Presets.byName(options.preset(), options.mnistDir());
        if (options.steps() != null) {
            preset = preset.withSteps(options.steps());
        }
        System.out.println("preset " + preset.name() + ": " + preset.architecture().description()
                + "; data " + preset.data().description());
        DatasetSplit data = preset.data().load();
        System.out.println("train " + data.train().size() + " images, held out " + data.test().size());

        Trainer trainer = new Trainer(preset, options.reportEvery(), p -> System.out.println(p.toLogLine()));
        Path savedModel = options.out().resolve("savedmodel");
        try (TrainingSession session = trainer.openSession()) {
            TrainingResult result = trainer.train(session, data);
            SavedModelExporter.export(session, savedModel);

            Batch examples = spreadExamples(data.test(), preset);
            float[] fromTraining = session.denoise(examples.noisy(), examples.size(), examples.height(), examples.width());
            float difference = exportDifference(savedModel, examples, fromTraining);
            Montage.writePng(montageRows(examples, fromTraining), MONTAGE_SCALE, options.out().resolve("montage.png"));

            TrainingReport report = TrainingReport.of(preset, result, difference);
            report.write(options.out().resolve("training.json"));
            System.out.println("exported " + savedModel + " (reload max abs diff " + difference + ")");
            return report;
        }
    }

    /**
     * Held-out images spread evenly over the set. The set is ordered by class, so the first few
     * would all be zeros; even spacing shows most classes (the exact ones depend on class sizes).
     */
    static Batch spreadExamples(ImageSet heldOut, Preset preset) {
        int count = Math.min(MONTAGE_ROWS, heldOut.size());
        List<Integer> indices = IntStream.range(0, count).map(i -> i * heldOut.size() / count).boxed().toList();
        return Batch.of(heldOut, indices, preset.noise(), new Random(preset.evaluationSeed()));
    }

    private static float exportDifference(Path savedModel, Batch examples, float[] fromTraining) {
        try (SavedModelRunner runner = SavedModelRunner.load(savedModel)) {
            float[] reloaded = runner.run(examples.noisy(), examples.size(), examples.height(), examples.width());
            float difference = SavedModelRunner.maxAbsDifference(fromTraining, reloaded);
            if (!(difference < EXPORT_TOLERANCE)) {
                throw new DenoiseException("the exported SavedModel in " + savedModel
                        + " does not reproduce the trained network (max abs diff " + difference + ")");
            }
            return difference;
        }
    }

    /** One row per example: original | noisy | denoised, shown on the training range 0..1. */
    static List<Montage.Row> montageRows(Batch examples, float[] denoised) {
        int w = examples.width();
        int h = examples.height();
        return IntStream.range(0, examples.size()).mapToObj(i -> new Montage.Row(List.of(
                ArrayImgs.floats(examples.cleanImage(i), w, h),
                ArrayImgs.floats(examples.noisyImage(i), w, h),
                ArrayImgs.floats(Arrays.copyOfRange(denoised, i * w * h, (i + 1) * w * h), w, h)), 0, 1)).toList();
    }
}
