package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network told the noise level: the levels drawn, fed, used by the network, and exported with it. */
class NoiseLevelConditioningTest {

    @TempDir
    Path dir;

    @Test
    void reportedLevelsDescribeTheNoiseThatWasDrawn() {
        CameraNoiseRange noise = new CameraNoiseRange(0.5, 0.2, 5, 500, 0, 0.05);
        float signal = 0.6f;
        float[] flat = new float[20_000];
        Arrays.fill(flat, signal);
        Random random = new Random(3);
        for (int i = 0; i < 12; i++) {
            NoiseModel.NoisyImage noisy = noise.applyWithLevels(flat, random);
            double shot = noisy.levels()[0];
            double read = noisy.levels()[1];
            double expected = Math.sqrt(shot * shot * signal + read * read);
            double measured = TrainTestData.std(noisy.pixels());
            assertEquals(expected, measured, 0.05 * expected + 1e-3, "levels " + shot + ", " + read);
        }
    }

    @Test
    void theNetworkUsesTheLevelsAndItsExportTakesThem() {
        UNet architecture = new UNet(2, 4, 2, CameraNoiseRange.LEVELS);
        float[] image = TrainTestData.randomImage(32 * 32, 5);
        Batch low = levelBatch(image, 0.01f);
        Batch high = levelBatch(image, 0.2f);
        Path exported = dir.resolve("savedmodel");
        float[] lowOut;
        float[] highOut;
        try (TrainingSession session = new TrainingSession(architecture, Loss.MEAN_SQUARED_ERROR, 9, 1)) {
            TrainTestData.assertLossFalls(session, conditionedBatch(), 3e-3f, 0.9f);
            lowOut = session.denoise(low);
            highOut = session.denoise(high);
            assertTrue(SavedModelRunner.maxAbsDifference(lowOut, highOut) > 1e-4f,
                    "the output must depend on the noise levels the network is told");
            assertThrows(IllegalArgumentException.class, () -> session.denoise(image, 1, 32, 32),
                    "a conditioned network needs its levels");
            SavedModelExporter.export(session, architecture, GraphLayers.Precision.FLOAT32, exported);
        }
        try (SavedModelRunner runner = SavedModelRunner.load(exported)) {
            assertTrue(SavedModelRunner.maxAbsDifference(lowOut, runner.run(low)) < 1e-5f);
            assertTrue(SavedModelRunner.maxAbsDifference(highOut, runner.run(high)) < 1e-5f);
        }
        Architecture readBack = SavedModelArchitecture.of(exported);
        assertEquals(CameraNoiseRange.LEVELS, readBack.levelCount(), "fine-tuning must rebuild the conditioned network");
        assertEquals(architecture.description(), readBack.description());
    }

    @Test
    void largeImagesAreCutIntoCoveringCropsAndHeldOutTogether() {
        for (int i = 1; i <= 4; i++) {
            Img<UnsignedByteType> pixels = ArrayImgs.unsignedBytes(50, 40, 1, 1);
            int file = i;
            long[] position = new long[4];
            var cursor = pixels.localizingCursor();
            while (cursor.hasNext()) {
                cursor.fwd();
                cursor.localize(position);
                cursor.get().set((int) (file * 40 + position[0] + position[1]) % 256);
            }
            ImageCodec.defaults().write(ImageData.of(ImageFormat.TIFF, pixels), dir.resolve("img_" + i + ".tif"));
        }
        DatasetSplit split = new CroppedImageFolder(dir, 2, 16).load();
        // 50 wide -> 4 crops starting at 0, 11, 22, 34; 40 high -> 3 crops at 0, 12, 24: 12 per file
        assertEquals(24, split.train().size());
        assertEquals(24, split.test().size());
        float[] lastCropOfFirstFile = split.train().image(11);
        assertEquals(((40 + 34 + 24) % 256) / 255f, lastCropOfFirstFile[0], 1e-6f);
        assertEquals(((40 + 49 + 39) % 256) / 255f, lastCropOfFirstFile[16 * 16 - 1], 1e-6f);
        assertEquals(((80) % 256) / 255f, split.test().image(0)[0], 1e-6f); // img_2 is held out
    }

    @Test
    void joinedSourcesKeepTheirSplits() {
        DataSource digits = new SyntheticDigits(40, 1);
        DatasetSplit one = digits.load();
        DatasetSplit joined = new JoinedData(List.of(digits, new SyntheticDigits(40, 2))).load();
        assertEquals(2 * one.train().size(), joined.train().size());
        assertEquals(2 * one.test().size(), joined.test().size());
        assertArrayEquals(one.train().image(0), joined.train().image(0));
    }

    private static Batch levelBatch(float[] image, float read) {
        return new Batch(1, 32, 32, image, image, null, new float[] {0.1f, read});
    }

    private static Batch conditionedBatch() {
        DatasetSplit data = new SyntheticDigits(20, 4).load();
        return Batch.of(data.train(), List.of(0, 1, 2, 3), new CameraNoiseRange(0.5, 0.2, 5, 500, 0, 0.05), new Random(2));
    }
}
