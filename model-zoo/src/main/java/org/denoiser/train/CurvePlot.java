package org.denoiser.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.denoiser.api.DenoiseException;

/**
 * The validation curve of a run as {@code curve.csv} and a line chart {@code curve.png}:
 * denoised PSNR on the held-out images against megapixels of training data seen.
 */
public final class CurvePlot {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int MARGIN = 60;

    private CurvePlot() {
    }

    public static void write(String title, List<TrainingState.CurvePoint> curve, Path dir) {
        StringBuilder csv = new StringBuilder("step,megapixels_seen,hours,train_loss,psnr_noisy_db,psnr_denoised_db\n");
        for (TrainingState.CurvePoint p : curve) {
            csv.append(String.format(Locale.ROOT, "%d,%.2f,%.4f,%.6f,%.3f,%.3f%n", p.step(), p.megapixelsSeen(),
                    p.hours(), p.trainLoss(), p.psnrNoisy(), p.psnrDenoised()));
        }
        try {
            Files.createDirectories(dir);
            replace(dir.resolve("curve.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(render(title, curve), "png", png);
            replace(dir.resolve("curve.png"), png.toByteArray());
        } catch (IOException e) {
            throw new DenoiseException("cannot write the validation curve to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Readers (and git) never see half a file: write beside it, then rename over it. */
    private static void replace(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static BufferedImage render(String title, List<TrainingState.CurvePoint> curve) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(title, MARGIN, 25);
            g.drawString("megapixels of training patches seen", WIDTH / 2 - 100, HEIGHT - 15);
            g.drawString("validation PSNR (dB)", 5, 45);
            int plotW = WIDTH - 2 * MARGIN;
            int plotH = HEIGHT - 2 * MARGIN;
            g.drawRect(MARGIN, MARGIN, plotW, plotH);
            if (curve.isEmpty()) {
                return image;
            }
            double maxX = curve.stream().mapToDouble(TrainingState.CurvePoint::megapixelsSeen).max().orElse(1);
            double minY = Math.floor(curve.stream().mapToDouble(TrainingState.CurvePoint::psnrDenoised).min().orElse(0));
            double maxY = Math.ceil(curve.stream().mapToDouble(TrainingState.CurvePoint::psnrDenoised).max().orElse(1));
            if (maxY - minY < 1) {
                maxY = minY + 1;
            }
            maxX = Math.max(maxX, 1e-9);
            for (int i = 0; i <= 4; i++) {
                double y = minY + (maxY - minY) * i / 4;
                int py = MARGIN + plotH - (int) Math.round(plotH * i / 4.0);
                g.drawString(String.format(Locale.ROOT, "%.2f", y), 10, py + 4);
                double x = maxX * i / 4;
                int px = MARGIN + (int) Math.round(plotW * i / 4.0);
                g.drawString(String.format(Locale.ROOT, "%.0f", x), px - 10, MARGIN + plotH + 18);
            }
            g.setColor(new Color(0, 90, 200));
            g.setStroke(new BasicStroke(2f));
            int prevX = -1;
            int prevY = -1;
            for (TrainingState.CurvePoint p : curve) {
                int px = MARGIN + (int) Math.round(plotW * p.megapixelsSeen() / maxX);
                int py = MARGIN + plotH - (int) Math.round(plotH * (p.psnrDenoised() - minY) / (maxY - minY));
                g.fillOval(px - 3, py - 3, 6, 6);
                if (prevX >= 0) {
                    g.drawLine(prevX, prevY, px, py);
                }
                prevX = px;
                prevY = py;
            }
            return image;
        } finally {
            g.dispose();
        }
    }
}
