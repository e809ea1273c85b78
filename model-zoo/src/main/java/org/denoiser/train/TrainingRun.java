package org.denoiser.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.api.DenoiseException;
import org.denoiser.io.Montage;
import org.denoiser.train.GraphLayers.Precision;

/**
 * One training run from a preset, as {@code denoiser train} starts it. Trains (checkpointing into
 * {@code DIR/checkpoint}, the validation curve into {@code DIR/curve.csv|png}); when the last step
 * is done, exports {@code DIR/savedmodel} (and {@code DIR/savedmodel-bf16}, computing in bfloat16),
 * checks both exports against the training graph, and
 * writes {@code DIR/training.json} and {@code DIR/montage.png}.
 */
public final class TrainingRun {

    private static final int MONTAGE_MAX_ROWS = 10;
    private static final int MONTAGE_TARGET_PIXELS = 1200;
    /** Export check tolerance: the reloaded graph must reproduce the training graph's output. */
    static final float EXPORT_TOLERANCE = 1e-5f;
    /** bfloat16 keeps 8 significant bits; on [0,1] images outputs move by a few thousandths. */
    static final float BFLOAT16_TOLERANCE = 0.05f;

    private TrainingRun() {
    }

    /** Returns the report of the exported model, or empty when the run paused before its last step. */
    public static Optional<TrainingReport> run(TrainOptions options) {
        Preset preset = Presets.byName(options.preset(), options.data());
        if (options.steps() != null) {
            preset = preset.withSteps(options.steps());
        }
        log("preset " + preset.name() + ": " + preset.architecture().description() + "; data "
                + preset.data().description() + "; noise " + preset.noise().description() + "; "
                + preset.schedule().description() + ", " + preset.steps() + " steps of " + preset.batchSize()
                + (preset.patchSize() > 0 ? " patches of " + preset.patchSize() + "x" + preset.patchSize() : " images"));
        // validation runs whole images, which a deeper network takes only in multiples of its pooling
        DatasetSplit data = preset.data().load().croppedToMultipleOf(preset.architecture().sizeMultiple());
        log("train " + data.train().size() + " images, validation " + data.test().size()
                + " (" + preset.validationNoise().description() + ")");

        Checkpoint checkpoint = new Checkpoint(options.out().resolve("checkpoint"));
        if (!options.resume() && !options.exportNow() && Files.exists(checkpoint.dir())) {
            throw new DenoiseException("a checkpoint exists in " + checkpoint.dir()
                    + "; pass --resume to continue that run, or delete the folder to start over");
        }
        String title = "denoiser train --preset " + preset.name() + ": validation, " + preset.validationNoise().description();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void progress(TrainingProgress progress) {
                log(progress.toLogLine());
            }

            @Override
            public void validated(TrainingState state, TrainingState.CurvePoint point) {
                log(String.format(Locale.ROOT, "validation at step %d (%.1f Mpx, %.2f h): PSNR %.2f -> %.2f dB; checkpoint saved",
                        point.step(), point.megapixelsSeen(), point.hours(), point.psnrNoisy(), point.psnrDenoised()));
                CurvePlot.write(title, state.curve(), options.out());
            }
        };
        TrainerSettings settings = new TrainerSettings(options.reportEvery(), options.checkpointEvery(),
                Optional.of(checkpoint), options.resume() || options.exportNow(), options.pauseAtStep(), options.threads());
        Trainer trainer = new Trainer(preset, settings, listener);
        try (TrainingSession session = trainer.openSession()) {
            if (options.init() != null && !options.exportNow()) {
                session.initializeFrom(options.init()); // a resumed checkpoint then overwrites these
                log("starting from the weights in " + options.init());
            }
            TrainingState state = options.exportNow()
                    ? checkpoint.restore(session).orElseThrow(() ->
                            new DenoiseException("nothing to export: no checkpoint in " + checkpoint.dir()))
                    : trainer.train(session, data);
            if (!state.finished() && !options.exportNow()) {
                log("paused at step " + state.step() + " of " + state.totalSteps() + "; continue with --resume");
                return Optional.empty();
            }
            return Optional.of(export(preset, trainer, session, data, state, options.out()));
        }
    }

    private static TrainingReport export(Preset preset, Trainer trainer, TrainingSession session, DatasetSplit data,
            TrainingState state, Path out) {
        Path savedModel = out.resolve("savedmodel");
        Path bfloat16 = out.resolve("savedmodel-bf16");
        SavedModelExporter.export(session, preset.architecture(), Precision.FLOAT32, savedModel);
        SavedModelExporter.export(session, preset.architecture(), Precision.BFLOAT16, bfloat16);
        Batch examples = spreadExamples(data.test(), preset);
        float[] fromTraining = session.denoise(examples);
        float difference = exportDifference(savedModel, examples, fromTraining, EXPORT_TOLERANCE);
        float bfloat16Difference = exportDifference(bfloat16, examples, fromTraining, Float.POSITIVE_INFINITY);
        if (!bfloat16Usable(bfloat16Difference)) {
            // Seen on the noise-level-conditioned network: its small level inputs meet large first-layer
            // weights, and 8 bits of mantissa move its outputs by tenths. The float32 export still ships.
            log("the bfloat16 variant differs from the trained network by " + bfloat16Difference
                    + " (more than " + BFLOAT16_TOLERANCE + "); it will not be installed");
        }
        Montage.writePng(montageRows(examples, fromTraining), montageScale(examples.height()), out.resolve("montage.png"));

        TrainingResult result = trainer.measure(session, data, state);
        double bfloat16Psnr;
        try (SavedModelRunner runner = SavedModelRunner.load(bfloat16)) {
            bfloat16Psnr = new HeldOutEvaluation(data.test(), preset.validationNoise(), preset.evaluationSeed())
                    .meanPsnrOfBatches(runner::run);
        }
        double megapixels = (double) state.step() * preset.pixelsPerBatch(data.train()) / 1e6;
        TrainingReport report = TrainingReport.of(preset, result, megapixels, difference,
                new TrainingReport.Bfloat16(bfloat16Difference, bfloat16Psnr));
        report.write(out.resolve("training.json"));
        log("exported " + savedModel + " at step " + state.step() + " (reload max abs diff " + difference
                + "; bfloat16 variant " + bfloat16Difference + ")");
        return report;
    }

    private static void log(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /**
     * Held-out images spread evenly over the set (a class-ordered set would otherwise show only
     * its first class), as many as make a montage of reasonable height.
     */
    static Batch spreadExamples(ImageSet heldOut, Preset preset) {
        int fit = MONTAGE_TARGET_PIXELS / (heldOut.height() * montageScale(heldOut.height()));
        int count = Math.max(1, Math.min(Math.min(MONTAGE_MAX_ROWS, fit), heldOut.size()));
        List<Integer> indices = IntStream.range(0, count).map(i -> i * heldOut.size() / count).boxed().toList();
        return Batch.of(heldOut, indices, preset.validationNoise(), new Random(preset.evaluationSeed()));
    }

    /** Small images (digits) are enlarged so they can be seen. */
    private static int montageScale(int height) {
        return Math.max(1, 112 / height);
    }

    /** Whether a bfloat16 export this far from the float32 network may be installed. */
    public static boolean bfloat16Usable(float maxAbsDifference) {
        return maxAbsDifference < BFLOAT16_TOLERANCE;
    }

    private static float exportDifference(Path savedModel, Batch examples, float[] fromTraining, float tolerance) {
        try (SavedModelRunner runner = SavedModelRunner.load(savedModel)) {
            float[] reloaded = runner.run(examples);
            float difference = SavedModelRunner.maxAbsDifference(fromTraining, reloaded);
            if (!(difference < tolerance)) {
                throw new DenoiseException("the exported SavedModel in " + savedModel
                        + " does not reproduce the trained network (max abs diff " + difference + ")");
            }
            return difference;
        }
    }

    /** One row per example: original | noisy | denoised, shown on the training range 0..1. */
    static List<Montage.Row> montageRows(Batch examples, float[] denoised) {
        int values = examples.valuesPerImage();
        return IntStream.range(0, examples.size()).mapToObj(i -> new Montage.Row(List.of(
                panel(examples.cleanImage(i), examples),
                panel(examples.noisyImage(i), examples),
                panel(Arrays.copyOfRange(denoised, i * values, (i + 1) * values), examples)), 0, 1)).toList();
    }

    /** One image of the batch as a montage panel: (x, y), or (x, y, c) for colour. */
    private static RandomAccessibleInterval<FloatType> panel(float[] image, Batch shape) {
        if (shape.channels() == 1) {
            return ArrayImgs.floats(image, shape.width(), shape.height());
        }
        // channels-last arrays are (c, x, y) to ImgLib2, whose first axis varies fastest
        return Views.moveAxis(ArrayImgs.floats(image, shape.channels(), shape.width(), shape.height()), 0, 2);
    }
}
