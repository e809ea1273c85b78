package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Random;
import org.denoiser.metrics.Psnr;
import org.junit.jupiter.api.Test;

/** The mnist-seed SavedModel shipped in the resources still loads and still denoises. */
class CommittedMnistSeedModelTest {

    private static final String RESOURCE = "/org/denoiser/zoo/models/mnist-seed/savedmodel/saved_model.pb";

    @Test
    void denoisesATiledSheetOfDigitLikeStrokesLargerThanTheTrainingSize() throws URISyntaxException {
        URL resource = getClass().getResource(RESOURCE);
        assertNotNull(resource, "missing " + RESOURCE);
        Path savedModel = Path.of(resource.toURI()).getParent();

        // A 3x4 sheet of synthetic 28x28 digits = 84x112, a size the model never saw in training.
        ImageSet digits = new SyntheticDigits(20, 12).load().train();
        int rows = 3;
        int cols = 4;
        int height = rows * 28;
        int width = cols * 28;
        float[] clean = new float[height * width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float[] digit = digits.image(r * cols + c);
                for (int y = 0; y < 28; y++) {
                    System.arraycopy(digit, y * 28, clean, (r * 28 + y) * width + c * 28, 28);
                }
            }
        }
        float[] noisy = new ClippedGaussianNoise(0.5f).apply(clean, new Random(4));

        try (SavedModelRunner runner = SavedModelRunner.load(savedModel)) {
            float[] denoised = runner.run(noisy, 1, height, width);
            double before = Psnr.compute(clean, noisy, 1.0);
            double after = Psnr.compute(clean, denoised, 1.0);
            assertTrue(after > before + 6, "PSNR " + before + " -> " + after + " dB");
        }
    }
}
