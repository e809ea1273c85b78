package org.denoiser.train;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Seeded synthetic colour pictures for tests that must not need CBSD432: a shaded background with
 * discs and bars of random colours, drawn anti-aliased (soft edges, flat areas, saturated and
 * muted colours: the structure a colour denoiser learns from photos, in miniature).
 */
final class ColourScenes {

    private ColourScenes() {
    }

    static BufferedImage picture(long seed, int width, int height) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, colour(random), width, height, colour(random)));
            g.fillRect(0, 0, width, height);
            for (int shape = 0; shape < 12; shape++) {
                g.setColor(colour(random));
                int x = random.nextInt(width);
                int y = random.nextInt(height);
                int size = 8 + random.nextInt(Math.max(1, Math.min(width, height) / 3));
                if (random.nextBoolean()) {
                    g.fillOval(x - size / 2, y - size / 2, size, size);
                } else {
                    g.fillRect(x - size / 2, y - size / 8, size, size / 4 + 2);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Color colour(Random random) {
        return Color.getHSBColor(random.nextFloat(), 0.2f + 0.7f * random.nextFloat(), 0.15f + 0.8f * random.nextFloat());
    }

    /** The picture as an 8-bit image with axes (x, y, c), c = red, green, blue. */
    static Img<UnsignedByteType> asImg(BufferedImage picture) {
        Raster raster = picture.getRaster();
        int width = picture.getWidth();
        int height = picture.getHeight();
        Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(width, height, 3);
        var access = img.randomAccess();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    access.setPosition(new long[] {x, y, c});
                    access.get().set(raster.getSample(x, y, c));
                }
            }
        }
        return img;
    }

    /** {@code count} pictures of {@code side x side} as [0,1] floats, channels last; the last one held out. */
    static DataSource dataSource(int count, int side, long seed) {
        return () -> {
            List<float[]> images = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int[] samples = picture(seed + i, side, side).getRaster().getPixels(0, 0, side, side, (int[]) null);
                float[] values = new float[samples.length];
                for (int v = 0; v < values.length; v++) {
                    values[v] = samples[v] / 255f;
                }
                images.add(values);
            }
            return new DatasetSplit(new ImageSet(side, side, 3, images.subList(0, count - 1)),
                    new ImageSet(side, side, 3, images.subList(count - 1, count)));
        };
    }

    /** Writes {@code count} pictures as {@code scene-NN.png} (or .jpg) into {@code dir}. */
    static void write(Path dir, int count, int width, int height, long seed, String format) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < count; i++) {
                Path file = dir.resolve(String.format(Locale.ROOT, "scene-%02d.%s", i, format.equals("jpeg") ? "jpg" : format));
                if (!ImageIO.write(picture(seed + i, width, height), format, file.toFile())) {
                    throw new IllegalStateException("no ImageIO writer for " + format);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
