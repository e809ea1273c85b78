package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.denoiser.api.CorruptModelException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tiny training run, exported once, then checked from several angles. */
class SavedModelExportTest {

    @TempDir
    static Path dir;

    private static Batch heldOut;
    private static float[] fromTrainingGraph;
    private static Path exported;

    @BeforeAll
    static void trainAndExport() {
        Preset preset = Presets.syntheticSmoke().withSteps(5);
        DatasetSplit data = preset.data().load();
        heldOut = new HeldOutEvaluation(data.test(), preset.noise(), 1).firstChunk();
        exported = dir.resolve("savedmodel");
        Trainer trainer = new Trainer(preset, TrainerSettings.inMemory(5), new TrainingListener() { });
        try (TrainingSession session = trainer.openSession()) {
            trainer.train(session, data);
            fromTrainingGraph = session.denoise(heldOut.noisy(), heldOut.size(), 28, 28);
            SavedModelExporter.export(session, exported);
        }
    }

    @Test
    void reloadedModelReproducesTheTrainingGraph() {
        try (SavedModelRunner runner = SavedModelRunner.load(exported)) {
            float[] reloaded = runner.run(heldOut.noisy(), heldOut.size(), 28, 28);
            assertTrue(SavedModelRunner.maxAbsDifference(fromTrainingGraph, reloaded) < 1e-5f);
        }
    }

    @Test
    void exportedModelAcceptsAnySizeThatIsAMultipleOfFour() {
        int height = 36;
        int width = 44;
        float[] image = TrainTestData.randomImage(height * width, 3);
        try (SavedModelRunner runner = SavedModelRunner.load(exported)) {
            float[] output = runner.run(image, 1, height, width);
            for (float v : output) {
                assertTrue(v > 0 && v < 1, "sigmoid output " + v);
            }
        }
    }

    @Test
    void outputOnlyDependsOnPixelsWithinTheReceptiveFieldRadius() {
        int side = 64;
        int radius = new ConvAutoencoder(8).receptiveFieldRadius();
        try (SavedModelRunner runner = SavedModelRunner.load(exported)) {
            float[] blank = runner.run(new float[side * side], 1, side, side);
            int maxDistance = -1;
            for (int centre : new int[] {30, 31, 32, 33}) {
                float[] dot = new float[side * side];
                dot[centre * side + centre] = 1f;
                float[] response = runner.run(dot, 1, side, side);
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        if (response[y * side + x] != blank[y * side + x]) {
                            maxDistance = Math.max(maxDistance, Math.max(Math.abs(x - centre), Math.abs(y - centre)));
                        }
                    }
                }
            }
            // The four dot positions cover every phase modulo 4, so the worst case is reached exactly.
            assertEquals(radius, maxDistance, "declared receptive-field radius vs measured reach of a dot");
        }
    }

    @Test
    void exportWritesTheServingSignatureFiles() {
        assertTrue(Files.isRegularFile(exported.resolve("saved_model.pb")));
        assertTrue(Files.isRegularFile(exported.resolve("variables").resolve("variables.index")));
    }

    @Test
    void loadingAnEmptyDirectoryIsACorruptModel() {
        CorruptModelException error = assertThrows(CorruptModelException.class,
                () -> SavedModelRunner.load(dir.resolve("nothing-here")));
        assertTrue(error.getMessage().contains("saved_model.pb"));
    }

    @Test
    void signatureNamesMatchTheContract() {
        assertEquals("input", SavedModelExporter.INPUT);
        assertEquals("output", SavedModelExporter.OUTPUT);
    }
}
