package org.denoiser.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.Montage;
import org.denoiser.metrics.Psnr;
import org.denoiser.metrics.ResidualTexture;
import org.denoiser.normalize.Normalization;

/**
 * Measures the invented texture of the shipped models on real widefield pairs
 * ({@code ../shared/datasets/W2S_train}: noisy single frame and 400-frame average, each stretched
 * to 0..255 on its own, so every output is fitted to the clean image by a least-squares gain and
 * offset first). Each model runs with the fixed 8-bit map and, on the same pixels as floats, with
 * the 16/32-bit map. Prints one line per image (noisy, then each model and map: PSNR, residual
 * anisotropy, 16 px block std of the residual in units of the noisy residual's pixel std / 16),
 * and writes a montage (noisy | each output | clean) of the hardest image, the one with the lowest
 * noisy PSNR. Not a test: it needs the shared data set.
 *
 * <p>Usage: {@code W2sStreakReport DATASET_DIR MONTAGE_PNG [IMAGES [MODEL...]]}; models default to
 * the shipped {@code gaussian-gray} and {@code poisson-gauss}; others come from the standard
 * repository ({@code DENOISER_HOME}), e.g. one made by {@code train-self}.
 */
public final class W2sStreakReport {
    private static final String[] SHIPPED = {"denoise/gaussian-gray", "denoise/poisson-gauss"};
    /** The montage shows this part of each panel (x, y, side), where the streaks are plainest. */
    private static final long[] CROP = {0, 128, 256};

    private W2sStreakReport() {
    }

    public static void main(String[] args) throws IOException {
        Path dataset = Path.of(args[0]);
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        String[] models = args.length > 3 ? java.util.Arrays.copyOfRange(args, 3, args.length) : SHIPPED;
        List<Path> names;
        try (Stream<Path> files = Files.list(dataset.resolve("noisy"))) {
            names = files.map(Path::getFileName).sorted().limit(limit).toList();
        }
        ImageCodec codec = ImageCodec.defaults();
        double[][] sums = new double[2 * models.length + 1][3];
        double worst = Double.NEGATIVE_INFINITY;
        List<Montage.Row> worstRows = null;
        for (Path name : names) {
            Img<FloatType> noisy = plane(codec.read(dataset.resolve("noisy").resolve(name)).pixels());
            Img<FloatType> clean = plane(codec.read(dataset.resolve("clean").resolve(name)).pixels());
            List<Img<FloatType>> panels = new ArrayList<>(List.of(fitted(noisy, clean)));
            for (String model : models) {
                try (Denoiser denoiser = Denoiser.builder().model(model).build()) {
                    Img<FloatType> out = clean.factory().create(clean);
                    denoiser.denoiseInto(noisy, out, -1, Normalization.FIXED_8BIT);
                    panels.add(fitted(out, clean));
                    // The same model with the 16/32-bit map: percentiles with headroom, noise cap.
                    panels.add(fitted(denoiser.denoise(noisy), clean));
                }
            }
            double noisyPsnr = Psnr.compute(clean, panels.get(0), 255);
            StringBuilder line = new StringBuilder(name.toString());
            for (int k = 0; k < panels.size(); k++) {
                double psnr = Psnr.compute(clean, panels.get(k), 255);
                double streaks = ResidualTexture.streakiness(clean, panels.get(k));
                double sigma = Math.sqrt(mse(clean, panels.get(0)));
                double blocks = ResidualTexture.blockStd(clean, panels.get(k), sigma, 16);
                sums[k][0] += psnr / names.size();
                sums[k][1] += streaks / names.size();
                sums[k][2] += blocks / names.size();
                line.append(String.format(Locale.ROOT, " | %.2f dB, anisotropy %.3f, 16px blocks %.2f", psnr, streaks, blocks));
            }
            System.out.println(line);
            if (-noisyPsnr > worst) { // the hardest image: the lowest noisy PSNR
                worst = -noisyPsnr;
                List<RandomAccessibleInterval<? extends RealType<?>>> row = new ArrayList<>();
                panels.forEach(p -> row.add(crop(p)));
                row.add(crop(clean));
                worstRows = List.of(new Montage.Row(row, 0, 255));
                System.out.println("  (hardest so far: " + name + ")");
            }
        }
        List<String> labels = new ArrayList<>(List.of("noisy"));
        for (String model : models) {
            labels.add(model + " (8-bit map)");
            labels.add(model + " (as float, headroom map)");
        }
        for (int k = 0; k < labels.size(); k++) {
            System.out.printf(Locale.ROOT, "mean over %d: %s %.2f dB, anisotropy %.3f, 16px block std %.2f%n",
                    names.size(), labels.get(k), sums[k][0], sums[k][1], sums[k][2]);
        }
        Montage.writePng(worstRows, 1, Path.of(args[1]));
    }

    private static RandomAccessibleInterval<FloatType> crop(Img<FloatType> panel) {
        return Views.zeroMin(Views.interval(panel, new long[] {CROP[0], CROP[1]},
                new long[] {CROP[0] + CROP[2] - 1, CROP[1] + CROP[2] - 1}));
    }

    private static Img<FloatType> plane(Img<? extends RealType<?>> pixels) {
        RandomAccessibleInterval<? extends RealType<?>> xy = pixels;
        while (xy.numDimensions() > 2) {
            xy = Views.hyperSlice(xy, xy.numDimensions() - 1, 0);
        }
        Img<FloatType> out = ArrayImgs.floats(xy.dimension(0), xy.dimension(1));
        var from = Views.flatIterable(xy).cursor();
        out.forEach(p -> p.set((float) from.next().getRealDouble()));
        return out;
    }

    /** {@code image * a + b} with the least-squares a and b against {@code clean}. */
    private static Img<FloatType> fitted(Img<FloatType> image, Img<FloatType> clean) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        long n = image.size();
        var c = clean.cursor();
        for (FloatType p : image) {
            double x = p.get();
            double y = c.next().get();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double a = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double b = (sy - a * sx) / n;
        Img<FloatType> out = image.copy();
        out.forEach(p -> p.set((float) (a * p.get() + b)));
        return out;
    }

    private static double mse(Img<FloatType> a, Img<FloatType> b) {
        double sum = 0;
        var cb = b.cursor();
        for (FloatType p : a) {
            double d = p.get() - cb.next().get();
            sum += d * d;
        }
        return sum / a.size();
    }
}
