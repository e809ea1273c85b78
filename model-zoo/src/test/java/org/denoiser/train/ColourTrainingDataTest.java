package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.denoiser.api.DenoiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The colour path of the training data: RGB crops, patches that keep a pixel's channels, 8-bit noise. */
class ColourTrainingDataTest {

    /** Adds nothing, so a batch's noisy images show exactly what was cut. */
    private static final NoiseModel NO_NOISE = (clean, random) -> clean.clone();

    @TempDir
    Path dir;

    /** Pixel i of channel c holds 3 * i + c: every value tells its pixel and its channel. */
    private static float[] colourRamp(int pixels) {
        float[] values = new float[pixels * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return values;
    }

    @Test
    void colourPatchesAreCutWhereGrayPatchesOfTheSameSeedAreWithTheChannelsOfEachPixelTogether() {
        float[] colour = colourRamp(64);
        float[] red = new float[64];
        for (int i = 0; i < 64; i++) {
            red[i] = colour[3 * i];
        }
        Batch colourBatch = new PatchSampler(new ImageSet(8, 8, 3, List.of(colour)), NO_NOISE, 6, 4, 21).batch(3);
        Batch grayBatch = new PatchSampler(new ImageSet(8, 8, List.of(red)), NO_NOISE, 6, 4, 21).batch(3);
        assertEquals(3, colourBatch.channels());
        assertEquals(6 * 4 * 4 * 3, colourBatch.clean().length);
        for (int i = 0; i < grayBatch.clean().length; i++) {
            float r = colourBatch.clean()[3 * i];
            assertEquals(grayBatch.clean()[i], r, "red channel of value " + i + " is where the gray patch's is");
            assertEquals(r + 1, colourBatch.clean()[3 * i + 1], "green belongs to the same pixel");
            assertEquals(r + 2, colourBatch.clean()[3 * i + 2], "blue belongs to the same pixel");
        }
    }

    @Test
    void gaussianNoiseOnAColourPatchHasOneLevelAndIndependentDrawsPerChannel() {
        float[] flat = new float[64 * 64 * 3];
        java.util.Arrays.fill(flat, 0.5f);
        float[] noisy = new GaussianNoiseRange(0, 55).apply(flat, new Random(4));
        double[] variance = new double[3];
        double covarianceRedGreen = 0;
        for (int i = 0; i < noisy.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                variance[c] += Math.pow(noisy[i + c] - 0.5, 2) / (64 * 64);
            }
            covarianceRedGreen += (noisy[i] - 0.5) * (noisy[i + 1] - 0.5) / (64 * 64);
        }
        for (int c = 1; c < 3; c++) {
            assertEquals(1, Math.sqrt(variance[c] / variance[0]), 0.05, "channel " + c + " has the patch's level");
        }
        assertEquals(0, covarianceRedGreen / variance[0], 0.05, "channels draw independently");
    }

    @Test
    void quantizedNoiseLiesOnThe8BitGridAndIsClippedToTheRange() {
        float[] dark = new float[4096];
        java.util.Arrays.fill(dark, 2 / 255f);
        NoiseModel noise = new Quantized8Bit(GaussianNoiseRange.fixed(50));
        float[] noisy = noise.apply(dark, new Random(1));
        int clippedToBlack = 0;
        for (float value : noisy) {
            float steps = value * 255;
            assertEquals(Math.round(steps), steps, 1e-3, "value " + value + " is not a multiple of 1/255");
            assertTrue(value >= 0 && value <= 1, "value " + value + " is outside 0..1");
            clippedToBlack += value == 0 ? 1 : 0;
        }
        assertTrue(clippedToBlack > 1000, "sigma 50 at level 2 should clip about half the pixels to 0, clipped "
                + clippedToBlack);
        assertTrue(noise.description().contains("8 bits"), noise.description());
    }

    @Test
    void colourFolderCutsPngAndJpegPhotosIntoRgbCropsAndHoldsOutWholePhotos() throws Exception {
        ColourScenes.write(dir, 3, 200, 190, 7, "png");
        ColourScenes.write(dir.resolve("jpeg"), 2, 190, 200, 9, "jpeg");
        DatasetSplit split = new CroppedImageFolder(dir, 3, 180, 3).load();
        assertEquals(3, split.train().channels());
        assertEquals(2 * 4, split.train().size(), "two photos of 2x2 crops train");
        assertEquals(4, split.test().size(), "the third photo's crops are held out");
        BufferedImage first = ImageIO.read(dir.resolve("scene-00.png").toFile());
        float[] crop = split.train().image(0);
        for (int[] xy : new int[][] {{0, 0}, {17, 5}, {179, 179}}) {
            int rgb = first.getRGB(xy[0], xy[1]);
            int at = (xy[1] * 180 + xy[0]) * 3;
            assertArrayEquals(new float[] {(rgb >> 16 & 255) / 255f, (rgb >> 8 & 255) / 255f, (rgb & 255) / 255f},
                    new float[] {crop[at], crop[at + 1], crop[at + 2]}, 1e-6f);
        }

        DatasetSplit jpegs = new CroppedImageFolder(dir.resolve("jpeg"), 2, 180, 3).load();
        assertEquals(4, jpegs.train().size());
        BufferedImage decoded = ImageIO.read(dir.resolve("jpeg").resolve("scene-00.jpg").toFile());
        int rgb = decoded.getRGB(40, 60);
        float[] jpegCrop = jpegs.train().image(0);
        assertEquals((rgb >> 8 & 255) / 255f, jpegCrop[(60 * 180 + 40) * 3 + 1], 1e-6f, "green as the JDK decodes it");
    }

    @Test
    void aGrayPhotoInAColourFolderIsRefusedByName() throws Exception {
        ColourScenes.write(dir, 2, 180, 180, 3, "png");
        BufferedImage gray = new BufferedImage(180, 180, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(gray, "png", dir.resolve("scene-02-gray.png").toFile());
        DenoiseException error = assertThrows(DenoiseException.class, () -> new CroppedImageFolder(dir, 2, 180, 3).load());
        assertTrue(error.getMessage().contains("scene-02-gray.png") && error.getMessage().contains("RGB"), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), "one line");
    }

    @Test
    void aJpegClaimingMorePixelsThanAnyPhotoIsRefusedBeforeDecoding() throws Exception {
        ColourScenes.write(dir, 2, 180, 180, 3, "jpeg");
        byte[] jpeg = Files.readAllBytes(dir.resolve("scene-00.jpg"));
        // the baseline frame header (FFC0) holds height and width as 16-bit numbers after the precision byte
        for (int i = 0; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 255) == 0xFF && (jpeg[i + 1] & 255) == 0xC0) {
                jpeg[i + 5] = (byte) 0x3A; // 15000
                jpeg[i + 6] = (byte) 0x98;
                jpeg[i + 7] = (byte) 0x3A;
                jpeg[i + 8] = (byte) 0x98;
                break;
            }
        }
        Files.write(dir.resolve("scene-00.jpg"), jpeg);
        DenoiseException error = assertThrows(DenoiseException.class, () -> new CroppedImageFolder(dir, 2, 180, 3).load());
        assertTrue(error.getMessage().contains("scene-00.jpg") && error.getMessage().contains("15000x15000"),
                error.getMessage());
    }
}
