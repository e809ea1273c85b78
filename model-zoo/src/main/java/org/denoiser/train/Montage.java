package org.denoiser.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.denoiser.api.DenoiseException;

/**
 * A gray PNG with one row per example: original | noisy | denoised, enlarged with square pixels
 * so 28x28 digits are readable. Columns are separated by a mid-gray gap.
 */
public final class Montage {

    private static final int GAP = 4;
    private static final int GAP_GRAY = 128;

    private Montage() {
    }

    public static BufferedImage render(Batch examples, float[] denoised, int rows, int scale) {
        int h = examples.height();
        int w = examples.width();
        int shown = Math.min(rows, examples.size());
        BufferedImage image = new BufferedImage(3 * w * scale + 4 * GAP, shown * (h * scale + GAP) + GAP,
                BufferedImage.TYPE_BYTE_GRAY);
        fill(image, GAP_GRAY);
        for (int row = 0; row < shown; row++) {
            int top = GAP + row * (h * scale + GAP);
            float[][] columns = {examples.cleanImage(row), examples.noisyImage(row), slice(denoised, row, h * w)};
            for (int col = 0; col < 3; col++) {
                int left = GAP + col * (w * scale + GAP);
                draw(image, columns[col], h, w, left, top, scale);
            }
        }
        return image;
    }

    public static void write(Path png, Batch examples, float[] denoised, int rows, int scale) {
        try {
            Path parent = png.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!ImageIO.write(render(examples, denoised, rows, scale), "png", png.toFile())) {
                throw new DenoiseException("no PNG writer available to write " + png);
            }
        } catch (IOException e) {
            throw new DenoiseException("cannot write montage " + png + ": " + e.getMessage(), e);
        }
    }

    private static void draw(BufferedImage image, float[] pixels, int h, int w, int left, int top, int scale) {
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                float v = pixels[(y / scale) * w + x / scale];
                int gray = Math.round(Math.min(1f, Math.max(0f, v)) * 255);
                image.getRaster().setSample(left + x, top + y, 0, gray);
            }
        }
    }

    private static void fill(BufferedImage image, int gray) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.getRaster().setSample(x, y, 0, gray);
            }
        }
    }

    private static float[] slice(float[] values, int index, int pixels) {
        float[] image = new float[pixels];
        System.arraycopy(values, index * pixels, image, 0, pixels);
        return image;
    }
}
