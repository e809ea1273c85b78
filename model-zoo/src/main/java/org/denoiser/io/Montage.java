package org.denoiser.io;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.DenoiseException;

/**
 * A side-by-side picture for people: one row per example, one column per version (for example
 * noisy | denoised | clean), each panel the first plane of an (x, y, c[, z]) image mapped to 8 bits
 * with the row's display range. Panels of 1 channel are gray, of 3 channels colour.
 */
public final class Montage {
    private static final int GAP = 4;
    private static final int BACKGROUND = 128;

    /** One row: its panels, all the same size, and the values shown as black and white. */
    public record Row(List<? extends RandomAccessibleInterval<? extends RealType<?>>> panels, double black, double white) {}

    private Montage() {}

    /** Renders rows of panels, each pixel enlarged {@code scale} times. */
    public static BufferedImage render(List<Row> rows, int scale) {
        int width = 0;
        int height = GAP;
        for (Row row : rows) {
            RandomAccessibleInterval<?> first = row.panels().get(0);
            width = Math.max(width, GAP + row.panels().size() * (int) (first.dimension(0) * scale + GAP));
            height += (int) first.dimension(1) * scale + GAP;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {BACKGROUND, BACKGROUND, BACKGROUND});
            }
        }
        int top = GAP;
        for (Row row : rows) {
            int left = GAP;
            for (RandomAccessibleInterval<? extends RealType<?>> panel : row.panels()) {
                draw(raster, panel, row, left, top, scale);
                left += (int) panel.dimension(0) * scale + GAP;
            }
            top += (int) row.panels().get(0).dimension(1) * scale + GAP;
        }
        return image;
    }

    public static void writePng(List<Row> rows, int scale, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            }
            ImageIO.write(render(rows, scale), "png", file.toFile());
        } catch (IOException e) {
            throw new DenoiseException("cannot write montage " + file + ": " + e.getMessage(), e);
        }
    }

    private static void draw(WritableRaster raster, RandomAccessibleInterval<? extends RealType<?>> panel, Row row,
            int left, int top, int scale) {
        RandomAccess<? extends RealType<?>> access = panel.randomAccess();
        boolean colour = panel.numDimensions() > 2 && panel.dimension(2) == 3;
        int[] rgb = new int[3];
        for (int y = 0; y < panel.dimension(1); y++) {
            for (int x = 0; x < panel.dimension(0); x++) {
                for (int c = 0; c < 3; c++) {
                    long[] position = new long[panel.numDimensions()];
                    position[0] = panel.min(0) + x;
                    position[1] = panel.min(1) + y;
                    for (int d = 2; d < position.length; d++) {
                        position[d] = panel.min(d);
                    }
                    if (colour) {
                        position[2] = panel.min(2) + c;
                    }
                    access.setPosition(position);
                    rgb[c] = toByte(access.get().getRealDouble(), row.black(), row.white());
                }
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        raster.setPixel(left + x * scale + dx, top + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    private static int toByte(double value, double black, double white) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        double scaled = (value - black) / (white > black ? white - black : 1) * 255;
        return (int) Math.round(Math.max(0, Math.min(255, scaled)));
    }
}
