package org.denoiser.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.api.DenoiseException;
import org.denoiser.io.Montage;
import org.denoiser.normalize.Normalization;

/**
 * The markdown record of one {@code eval} run: a section with a table (one row per image and the
 * mean), appended to the report file so several runs (models, noise levels) collect in one
 * document, and a montage PNG beside it showing the centre of the first image as noisy | denoised | clean.
 */
final class EvalReport {

    /** The montage shows the centre of the first image, small enough to commit many reports. */
    private static final int MONTAGE_ROWS = 1;
    private static final int MONTAGE_SIDE = 256;

    private final Path file;
    private final String title;
    private final StringBuilder table = new StringBuilder();
    private final List<Montage.Row> montage = new ArrayList<>();

    EvalReport(Path file, String title) {
        this.file = file;
        this.title = title;
        table.append("| image | size | PSNR noisy (dB) | PSNR denoised (dB) | SSIM noisy | SSIM denoised | seconds |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
    }

    void add(String image, String size, double[] scores, double seconds, Trial trial) {
        table.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.4f | %.4f | %.2f |%n",
                image, size, scores[0], scores[1], scores[2], scores[3], seconds));
        if (montage.size() < MONTAGE_ROWS) {
            Normalization display = trial.displayRange();
            montage.add(new Montage.Row(List.of(centre(trial.noisy()), centre(trial.denoised()), centre(trial.clean())),
                    display.low(), display.low() + display.scale()));
        }
    }

    /** The central MONTAGE_SIDE x MONTAGE_SIDE pixels (or less, for small images), all channels and planes. */
    private static RandomAccessibleInterval<FloatType> centre(RandomAccessibleInterval<FloatType> image) {
        long[] min = image.minAsLongArray();
        long[] max = image.maxAsLongArray();
        for (int d = 0; d < 2; d++) {
            long side = Math.min(MONTAGE_SIDE, image.dimension(d));
            min[d] = image.min(d) + (image.dimension(d) - side) / 2;
            max[d] = min[d] + side - 1;
        }
        return Views.zeroMin(Views.interval(image, min, max));
    }

    /** Appends the section (creating the file with a heading if needed) and writes the montage. */
    void write(double[] means, int count) {
        Path png = file.resolveSibling(stem() + "-" + slug(title) + ".png");
        String section = String.format(Locale.ROOT, "%n## %s%n%n%s| **mean of %d** | | **%.2f** | **%.2f** | **%.4f** | **%.4f** | |%n%n"
                + "![noisy | denoised | clean](%s)%n", title, table, count, means[0], means[1], means[2], means[3],
                png.getFileName());
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (!Files.exists(file)) {
                Files.writeString(file, "# Denoiser evaluation\n\nWritten by `denoiser eval --report`. PSNR/SSIM follow "
                        + "the DnCNN protocol for 8-bit images (clipping of the result; the noisy input is not rounded unless a section "
                        + "says quantized, i.e. rounded and clipped as an 8-bit file stores it).\n",
                        StandardCharsets.UTF_8);
            }
            Files.writeString(file, section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DenoiseException("cannot write report " + file + ": " + e.getMessage(), e);
        }
        Montage.writePng(montage, 1, png);
    }

    private String stem() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-|-$)", "");
    }
}
