package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.denoiser.api.UnknownModelException;
import org.denoiser.io.Montage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {

    @TempDir
    Path out;

    @Test
    void smokePresetWritesModelReportAndMontage() throws IOException {
        TrainingReport report = TrainingRun.run(TrainOptions.fresh(Presets.SYNTHETIC_SMOKE, out, 10, null, 5)).orElseThrow();

        assertTrue(Files.isRegularFile(out.resolve("savedmodel").resolve("saved_model.pb")));
        TrainingReport written = new Gson().fromJson(Files.readString(out.resolve("training.json")), TrainingReport.class);
        assertEquals(report, written);
        assertEquals(10, written.steps());
        assertTrue(written.exportMaxAbsDifference() < TrainingRun.EXPORT_TOLERANCE);

        BufferedImage montage = ImageIO.read(out.resolve("montage.png").toFile());
        assertNotNull(montage);
        assertTrue(montage.getWidth() > montage.getHeight() / 4, "three columns expected");
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        UnknownModelException error = assertThrows(UnknownModelException.class, () -> Presets.byName("vgg", out));
        assertTrue(error.getMessage().contains("mnist-seed"), error.getMessage());
    }

    @Test
    void montageShowsOriginalNoisyAndDenoisedSideBySide() {
        ImageSet images = new SyntheticDigits(10, 2).load().train();
        Batch batch = Batch.of(images, List.of(0, 1), new ClippedGaussianNoise(0.5f), new Random(1));
        float[] denoised = new float[batch.clean().length];
        java.util.Arrays.fill(denoised, 1f);
        int scale = 2;
        BufferedImage image = Montage.render(TrainingRun.montageRows(batch, denoised), scale);

        int columnWidth = 28 * scale + 4;
        int top = 4;
        int left = 4;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int clean = Math.round(batch.cleanImage(0)[y * 28 + x] * 255);
                int noisy = Math.round(batch.noisyImage(0)[y * 28 + x] * 255);
                assertEquals(clean, image.getRaster().getSample(left + x * scale, top + y * scale, 0));
                assertEquals(noisy, image.getRaster().getSample(left + columnWidth + x * scale + 1, top + y * scale + 1, 0));
                assertEquals(255, image.getRaster().getSample(left + 2 * columnWidth + x * scale, top + y * scale, 0));
            }
        }
        assertEquals(2 * (28 * scale + 4) + 4, image.getHeight());
    }
}
