package org.denoiser.metrics;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Structure a denoiser leaves in (or invents on) an area that should be flat: statistics of the
 * residual {@code test - reference} of a 2-D image, in units of the input noise {@code sigma}.
 *
 * <p>A perfect denoiser leaves 0 everywhere. Doing nothing leaves white noise: {@link #std} 1 and
 * {@link #blockStd} 1 at every block size (the mean of n x n white-noise pixels has standard
 * deviation sigma / n, which is the unit used there). A denoiser that turns noise into blobs or
 * worm-like streaks lowers the pixel std but leaves block means that vary more than white noise's
 * would: a {@link #blockStd} near or above 1 at 8-16 px is what the eye sees as invented texture.
 * Streaks are also anisotropic: {@link #streakiness} compares the residual's neighbour correlation
 * along rows with columns, and along one diagonal with the other.
 */
public final class ResidualTexture {
    private ResidualTexture() {
    }

    /** Standard deviation of the residual, in units of {@code sigma}. */
    public static double std(RandomAccessibleInterval<? extends RealType<?>> reference,
            RandomAccessibleInterval<? extends RealType<?>> test, double sigma) {
        return blockStd(reference, test, sigma, 1);
    }

    /**
     * Standard deviation of the means of non-overlapping {@code block x block} tiles of the
     * residual (whole tiles only), in units of {@code sigma / block}: 1 for white noise.
     */
    public static double blockStd(RandomAccessibleInterval<? extends RealType<?>> reference,
            RandomAccessibleInterval<? extends RealType<?>> test, double sigma, int block) {
        double[][] r = residual(reference, test);
        int rows = r.length / block;
        int cols = r[0].length / block;
        if (rows * cols < 2 || !(sigma > 0)) {
            throw new IllegalArgumentException("need at least two " + block + "x" + block
                    + " blocks and sigma > 0, got " + rows * cols + " blocks and sigma " + sigma);
        }
        double sum = 0;
        double sumSq = 0;
        for (int by = 0; by < rows; by++) {
            for (int bx = 0; bx < cols; bx++) {
                double mean = 0;
                for (int y = by * block; y < (by + 1) * block; y++) {
                    for (int x = bx * block; x < (bx + 1) * block; x++) {
                        mean += r[y][x];
                    }
                }
                mean /= (double) block * block;
                sum += mean;
                sumSq += mean * mean;
            }
        }
        int n = rows * cols;
        double variance = Math.max(0, (sumSq - sum * sum / n) / (n - 1));
        return Math.sqrt(variance) / (sigma / block);
    }

    /**
     * How much more the residual runs along one direction than across it: the larger of
     * |corr(right) - corr(down)| and |corr(down-right) - corr(down-left)|, where corr is the
     * correlation of the residual with its neighbour in that direction. About 0 for isotropic
     * texture (however smooth), large when the residual runs in lines.
     */
    public static double streakiness(RandomAccessibleInterval<? extends RealType<?>> reference,
            RandomAccessibleInterval<? extends RealType<?>> test) {
        double[][] r = residual(reference, test);
        double axes = Math.abs(correlation(r, 1, 0) - correlation(r, 0, 1));
        double diagonals = Math.abs(correlation(r, 1, 1) - correlation(r, -1, 1));
        return Math.max(axes, diagonals);
    }

    private static double correlation(double[][] r, int dx, int dy) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        long n = 0;
        for (int y = 0; y + dy < r.length; y++) {
            for (int x = Math.max(0, -dx); x < r[0].length && x + dx < r[0].length; x++) {
                double a = r[y][x];
                double b = r[y + dy][x + dx];
                sa += a;
                sb += b;
                saa += a * a;
                sbb += b * b;
                sab += a * b;
                n++;
            }
        }
        double cov = sab / n - sa / n * sb / n;
        double va = saa / n - sa / n * sa / n;
        double vb = sbb / n - sb / n * sb / n;
        return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
    }

    private static double[][] residual(RandomAccessibleInterval<? extends RealType<?>> reference,
            RandomAccessibleInterval<? extends RealType<?>> test) {
        PairedPixels.requireSameSize(reference, test);
        if (reference.numDimensions() != 2) {
            throw new IllegalArgumentException("residual texture needs 2-D images, got "
                    + reference.numDimensions() + " axes");
        }
        int width = (int) reference.dimension(0);
        double[] ref = PairedPixels.toArray(reference);
        double[] values = PairedPixels.toArray(test);
        double[][] r = new double[ref.length / width][width];
        for (int i = 0; i < ref.length; i++) {
            r[i / width][i % width] = values[i] - ref[i];
        }
        return r;
    }
}
