package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.denoiser.api.DenoiseException;
import org.denoiser.inference.NoiseConditioning;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.noise.NoiseLevels;
import org.denoiser.tiling.RowSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real noisy/clean pairs as training data: brightness-matched targets, the denoiser's level, synthetic noise for the rest. */
class NoisyCleanPairsTest {
    private static final int SIZE = 96;

    @TempDir
    Path dir;

    @Test
    void pairsAreBrightnessMatchedToldTheirWholeImageLevelAndSplitByName() throws IOException {
        for (int pair = 0; pair < 4; pair++) {
            writePair("p" + pair + ".png", pair);
        }
        DatasetSplit split = new NoisyCleanPairs(dir, 4, 64).load();
        assertEquals(RecordedNoise.STORED, split.train().channels());
        assertEquals(3 * 4, split.train().size(), "3 pairs of 4 crops each (two starts per side cover 96)");
        assertEquals(4, split.test().size(), "the 4th pair by name is held out");

        float[] noisy = unit(read("noisy/p0.png"));
        NoiseLevels expected = NoiseConditioning.estimate(RowSource.of(ArrayImgs.floats(noisy, SIZE, SIZE)));
        float[] crop = split.train().image(0);
        double targetSum = 0;
        double noisySum = 0;
        for (int i = 0; i < 64 * 64; i++) {
            assertEquals((float) expected.shot(), crop[i * 4 + 2], "shot told for the whole image");
            assertEquals((float) expected.read(), crop[i * 4 + 3], "read told for the whole image");
            assertEquals(noisy[(i / 64) * SIZE + i % 64], crop[i * 4 + 1], "the recorded noisy value");
            targetSum += crop[i * 4];
            noisySum += crop[i * 4 + 1];
        }
        // The clean file was stretched to twice the noisy one's contrast; the target is mapped back.
        assertEquals(noisySum / 4096, targetSum / 4096, 0.01, "the target has the noisy image's brightness");
    }

    @Test
    void aPairWithoutItsCleanImageIsNamed() throws IOException {
        for (int pair = 0; pair < 2; pair++) {
            writePair("p" + pair + ".png", pair);
        }
        Files.delete(dir.resolve("clean/p1.png"));
        DenoiseException missing = assertThrows(DenoiseException.class, () -> new NoisyCleanPairs(dir, 2, 64).load());
        assertTrue(missing.getMessage().contains("p1.png has no clean counterpart"), missing.getMessage());
    }

    @Test
    void recordedNoiseGivesTheRecordingAndSyntheticNoiseOnlyWhereThereIsNone() {
        RecordedNoise noise = new RecordedNoise(new CameraNoiseRange(0, 0.2, 20, 20, 0, 0));
        assertEquals(1, noise.networkChannels(RecordedNoise.STORED));
        assertThrows(IllegalArgumentException.class, () -> noise.networkChannels(1));

        float[] stored = new float[16 * RecordedNoise.STORED];
        for (int i = 0; i < 16; i++) {
            stored[i * 4] = 0.5f;
            stored[i * 4 + 1] = 0.4f + 0.01f * i;
            stored[i * 4 + 2] = 0.1f;
            stored[i * 4 + 3] = 0.02f;
        }
        NoiseModel.NoisyImage recorded = noise.applyWithLevels(stored, new Random(1));
        assertEquals(0.45f, recorded.pixels()[5], 1e-6);
        assertArrayEquals(new float[] {0.1f, 0.02f}, recorded.levels());
        assertEquals(0.5f, recorded.target()[7]);

        ImageSet unpaired = new UnpairedImages(() -> new DatasetSplit(
                new ImageSet(4, 4, java.util.List.of(filled(0.5f))), new ImageSet(4, 4, java.util.List.of(filled(0.5f)))))
                .load().train();
        NoiseModel.NoisyImage drawn = noise.applyWithLevels(unpaired.image(0), new Random(2));
        assertEquals(0.5f, drawn.target()[3], "the clean image is the target");
        assertTrue(Math.abs(drawn.pixels()[3] - 0.5f) > 1e-4, "synthetic noise was drawn");
        assertEquals(2, drawn.levels().length);
        assertTrue(drawn.levels()[0] > 0, "and its level is told");
    }

    @Test
    void batchesOfStoredPairsAreOneChannelWithTheTargetAsTheCleanImage() {
        float[] stored = new float[32 * 32 * RecordedNoise.STORED];
        for (int i = 0; i < 32 * 32; i++) {
            stored[i * 4] = 0.25f;
            stored[i * 4 + 1] = 0.75f;
        }
        ImageSet set = new ImageSet(32, 32, RecordedNoise.STORED, java.util.List.of(stored));
        Batch batch = new PatchSampler(set, new RecordedNoise(new GaussianNoiseRange(0, 55)), 2, 16, 3).batch(1);
        assertEquals(1, batch.channels());
        assertEquals(0.25f, batch.cleanImage(1)[100]);
        assertEquals(0.75f, batch.noisyImage(1)[100]);
        assertNull(batch.mask());
    }

    private static float[] filled(float value) {
        float[] image = new float[16];
        java.util.Arrays.fill(image, value);
        return image;
    }

    /** A smooth field; the clean file holds it at twice the contrast, the noisy one with Poisson noise. */
    private void writePair(String name, long seed) throws IOException {
        Random random = new Random(seed);
        Img<UnsignedByteType> clean = ArrayImgs.unsignedBytes(SIZE, SIZE, 1, 1);
        Img<UnsignedByteType> noisy = ArrayImgs.unsignedBytes(SIZE, SIZE, 1, 1);
        var c = clean.randomAccess();
        var n = noisy.randomAccess();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double signal = 60 + 40 * Math.sin(x / 9.0 + seed) * Math.cos(y / 11.0);
                c.setPosition(new long[] {x, y, 0, 0});
                n.setPosition(new long[] {x, y, 0, 0});
                c.get().set((int) Math.round(2 * signal - 60));
                double photons = signal / 4;
                n.get().set((int) Math.max(0, Math.min(255, Math.round(4 * (photons + Math.sqrt(photons) * random.nextGaussian())))));
            }
        }
        Files.createDirectories(dir.resolve("clean"));
        Files.createDirectories(dir.resolve("noisy"));
        ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, clean), dir.resolve("clean").resolve(name));
        ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, noisy), dir.resolve("noisy").resolve(name));
    }

    private ImageData read(String path) {
        return ImageCodec.defaults().read(dir.resolve(path));
    }

    private static float[] unit(ImageData image) {
        return ImageFolder.toUnitFloats(image);
    }
}
