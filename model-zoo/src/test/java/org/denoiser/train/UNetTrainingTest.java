package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The U-Net recipe on its tiny preset: learning, resuming, exporting, receptive field. */
class UNetTrainingTest {

    private static final Preset TINY = Presets.unetSmoke();
    private static final Preset TINY_COLOUR = new Preset("unet-smoke-colour", new UNet(3, 4).withChannels(3),
            ColourScenes.dataSource(6, 32, 3), new Quantized8Bit(new GaussianNoiseRange(0, 55)),
            new Quantized8Bit(GaussianNoiseRange.fixed(25)), Loss.MEAN_SQUARED_ERROR, 8, 16, 40,
            new LearningRateSchedule(3e-3f, 0.1f, 0.8, 0.95), 7);

    @TempDir
    Path work;

    @Test
    void aFewStepsLowerTheLoss() {
        Batch batch = TINY.batches(TINY.data().load().train()).batch(1);
        try (TrainingSession session = new TrainingSession(TINY.architecture(), TINY.loss(), TINY.seed())) {
            TrainTestData.assertLossFalls(session, batch, 3e-3f, 0.7f);
        }
    }

    /** The gray recipe's tiny preset, and the same with colour pictures and a colour U-Net. */
    static Stream<Named<Preset>> tinyPresets() {
        return Stream.of(Named.of("gray", TINY), Named.of("colour", TINY_COLOUR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tinyPresets")
    void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne(Preset preset) {
        DatasetSplit data = preset.data().load();
        Batch probe = new HeldOutEvaluation(data.test(), preset.validationNoise(), 99).firstChunk();

        float[] uninterrupted;
        try (TrainingSession session = new Trainer(preset, TrainerSettings.inMemory(10), new TrainingListener() { })
                .openSession()) {
            new Trainer(preset, TrainerSettings.inMemory(10), new TrainingListener() { }).train(session, data);
            uninterrupted = session.denoise(probe);
        }

        Checkpoint checkpoint = new Checkpoint(work.resolve("checkpoint"));
        TrainingState paused;
        long start = System.nanoTime();
        try (TrainingSession session = trainer(preset, checkpoint, false, 17).openSession()) {
            paused = trainer(preset, checkpoint, false, 17).train(session, data);
        }
        assertEquals(17, paused.step());
        assertFalse(paused.finished());

        float[] resumed;
        TrainingState end;
        try (TrainingSession session = trainer(preset, checkpoint, true, Integer.MAX_VALUE).openSession()) {
            end = trainer(preset, checkpoint, true, Integer.MAX_VALUE).train(session, data);
            resumed = session.denoise(probe);
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        assertTrue(end.finished());
        assertTrue(end.trainingSeconds() > paused.trainingSeconds() && end.trainingSeconds() <= wallSeconds,
                "training time " + end.trainingSeconds() + " s is not the sum over both sessions (wall " + wallSeconds + " s)");
        assertEquals(preset.steps(), end.step());
        assertEquals(2, end.curve().size(), "one validation at the pause, one at the end");
        assertEquals(0f, SavedModelRunner.maxAbsDifference(uninterrupted, resumed),
                "resumed weights differ from the uninterrupted run's");
    }

    private static Trainer trainer(Preset preset, Checkpoint checkpoint, boolean resume, int pauseAt) {
        return new Trainer(preset, new TrainerSettings(10, Duration.ofHours(1), Optional.of(checkpoint), resume, pauseAt, 0),
                new TrainingListener() { });
    }

    /** A run slower than its report interval checkpoints before its first report: with its loss so far. */
    @Test
    void aCheckpointBeforeTheFirstReportIsSaved() {
        DatasetSplit data = TINY.data().load();
        Checkpoint checkpoint = new Checkpoint(work.resolve("early"));
        Trainer trainer = new Trainer(TINY, new TrainerSettings(1000, Duration.ZERO, Optional.of(checkpoint), false, 3, 0),
                new TrainingListener() { });
        try (TrainingSession session = trainer.openSession()) {
            trainer.train(session, data);
        }
        try (TrainingSession session = trainer.openSession()) {
            TrainingState saved = checkpoint.restore(session).orElseThrow();
            assertEquals(3, saved.step());
            assertTrue(saved.curve().stream().allMatch(p -> Float.isFinite(p.trainLoss())), "losses " + saved.curve());
        }
    }

    /** Before its first rate drop a run can be lengthened: it then equals a run planned that long. */
    @Test
    void runLengthenedBeforeItsFirstRateDropEqualsOnePlannedThatLong() {
        DatasetSplit data = TINY.data().load();
        Batch probe = new HeldOutEvaluation(data.test(), TINY.validationNoise(), 99).firstChunk();
        Preset shorter = TINY.withSteps(20);
        Preset longer = TINY.withSteps(30);
        float[] planned;
        try (TrainingSession session = new TrainingSession(TINY.architecture(), TINY.loss(), TINY.seed())) {
            new Trainer(longer, TrainerSettings.inMemory(10), new TrainingListener() { }).train(session, data);
            planned = session.denoise(probe.noisy(), probe.size(), probe.height(), probe.width());
        }
        Checkpoint checkpoint = new Checkpoint(work.resolve("checkpoint"));
        try (TrainingSession session = trainer(shorter, checkpoint, false, 12).openSession()) {
            trainer(shorter, checkpoint, false, 12).train(session, data);
        }
        float[] lengthened;
        try (TrainingSession session = trainer(longer, checkpoint, true, Integer.MAX_VALUE).openSession()) {
            TrainingState end = trainer(longer, checkpoint, true, Integer.MAX_VALUE).train(session, data);
            assertEquals(30, end.totalSteps());
            lengthened = session.denoise(probe.noisy(), probe.size(), probe.height(), probe.width());
        }
        assertEquals(0f, SavedModelRunner.maxAbsDifference(planned, lengthened));

        // Shortening to 14 would have dropped the rate at step 12 already: refused.
        Preset tooShort = TINY.withSteps(14);
        try (TrainingSession session = trainer(tooShort, checkpoint, true, Integer.MAX_VALUE).openSession()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> trainer(tooShort, checkpoint, true, Integer.MAX_VALUE).train(session, data));
            assertTrue(error.getMessage().contains("learning rates"), error.getMessage());
        }
    }

    @Test
    void exportedUNetComputesWhatTheTrainingGraphComputesAtAnyMultipleOfFour() {
        int height = 36;
        int width = 44;
        float[] image = TrainTestData.randomImage(height * width, 5);
        Path exported = work.resolve("savedmodel");
        Path bfloat16 = work.resolve("savedmodel-bf16");
        float[] fromTraining;
        try (TrainingSession session = new TrainingSession(TINY.architecture(), TINY.loss(), TINY.seed())) {
            Batch batch = TINY.batches(TINY.data().load().train()).batch(1);
            for (int i = 0; i < 5; i++) {
                session.step(batch, 3e-3f);
            }
            fromTraining = session.denoise(image, 1, height, width);
            SavedModelExporter.export(session, TINY.architecture(), GraphLayers.Precision.FLOAT32, exported);
            SavedModelExporter.export(session, TINY.architecture(), GraphLayers.Precision.BFLOAT16, bfloat16);
        }
        try (SavedModelRunner runner = SavedModelRunner.load(exported)) {
            float[] reloaded = runner.run(image, 1, height, width);
            assertTrue(SavedModelRunner.maxAbsDifference(fromTraining, reloaded) < TrainingRun.EXPORT_TOLERANCE);
        }
        try (SavedModelRunner runner = SavedModelRunner.load(bfloat16)) {
            float difference = SavedModelRunner.maxAbsDifference(fromTraining, runner.run(image, 1, height, width));
            assertTrue(difference > 0 && difference < TrainingRun.BFLOAT16_TOLERANCE,
                    "bfloat16 export differs by " + difference + " (0 would mean it is not computing in bfloat16)");
        }
    }

    /** Changing one input pixel changes outputs at most the declared radius away, and some that far. */
    @Test
    void receptiveFieldRadiusIsWhatTheArchitectureClaims() {
        UNet unet = new UNet(3, 4);
        int side = 96;
        int center = 48;
        float[] image = TrainTestData.randomImage(side * side, 8);
        float[] poked = image.clone();
        poked[center * side + center] += 1f;
        int reach = 0;
        try (TrainingSession session = new TrainingSession(unet, Loss.MEAN_SQUARED_ERROR, 3)) {
            float[] a = session.denoise(image, 1, side, side);
            float[] b = session.denoise(poked, 1, side, side);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    if (a[y * side + x] != b[y * side + x]) {
                        reach = Math.max(reach, Math.max(Math.abs(x - center), Math.abs(y - center)));
                    }
                }
            }
        }
        assertTrue(reach <= unet.receptiveFieldRadius(), "output changed " + reach + " px away");
        assertTrue(reach >= unet.receptiveFieldRadius() - 4, "radius " + unet.receptiveFieldRadius()
                + " is loose: changes reach only " + reach + " px");
        assertEquals(26, new UNet(3, 16).receptiveFieldRadius());
    }
}
