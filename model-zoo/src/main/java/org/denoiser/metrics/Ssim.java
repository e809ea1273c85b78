package org.denoiser.metrics;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.ImageTooSmallException;

/**
 * Mean structural similarity of two 2-D planes (Wang et al. 2004): Gaussian window of sigma 1.5
 * truncated to 11x11, K1 = 0.01, K2 = 0.03, population (not sample) covariances.
 *
 * <p>Borders: SSIM is averaged only over positions whose whole 11x11 window lies inside the image
 * (a 5-pixel strip is left out on each side), so no padding is ever used. This is exactly what
 * scikit-image's {@code structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
 * use_sample_covariance=False, data_range=R)} returns: it filters with mirrored borders but then
 * crops that same strip. For stacks, call this per plane and average.
 */
public final class Ssim {
    public static final double K1 = 0.01;
    public static final double K2 = 0.03;
    public static final double SIGMA = 1.5;
    /** {@code int(3.5 * sigma + 0.5)}, the truncation scikit-image and SciPy use: 11 taps. */
    static final int RADIUS = 5;
    private static final double[] WINDOW = gaussianWindow();

    private Ssim() {
    }

    public static double compute(RandomAccessibleInterval<? extends RealType<?>> reference,
            RandomAccessibleInterval<? extends RealType<?>> test, double dataRange) {
        PairedPixels.requireSameSize(reference, test);
        PairedPixels.requirePositiveRange(dataRange);
        if (reference.numDimensions() != 2) {
            throw new IllegalArgumentException("SSIM works on 2-D planes, got "
                    + reference.numDimensions() + " dimensions; compute it per plane");
        }
        int width = (int) reference.dimension(0);
        int height = (int) reference.dimension(1);
        int window = 2 * RADIUS + 1;
        if (width < window || height < window) {
            throw new ImageTooSmallException("SSIM needs images of at least " + window + " x "
                    + window + " pixels, got " + width + " x " + height);
        }
        double[] x = PairedPixels.toArray(reference);
        double[] y = PairedPixels.toArray(test);
        return meanSsim(x, y, width, height, dataRange);
    }

    private static double meanSsim(double[] x, double[] y, int width, int height, double range) {
        double[] meanX = filterValid(x, width, height);
        double[] meanY = filterValid(y, width, height);
        double[] meanXx = filterValid(product(x, x), width, height);
        double[] meanYy = filterValid(product(y, y), width, height);
        double[] meanXy = filterValid(product(x, y), width, height);
        double c1 = (K1 * range) * (K1 * range);
        double c2 = (K2 * range) * (K2 * range);
        double sum = 0;
        for (int i = 0; i < meanX.length; i++) {
            double ux = meanX[i];
            double uy = meanY[i];
            double varianceX = meanXx[i] - ux * ux;
            double varianceY = meanYy[i] - uy * uy;
            double covariance = meanXy[i] - ux * uy;
            sum += (2 * ux * uy + c1) * (2 * covariance + c2)
                    / ((ux * ux + uy * uy + c1) * (varianceX + varianceY + c2));
        }
        return sum / meanX.length;
    }

    private static double[] product(double[] a, double[] b) {
        double[] result = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[i] * b[i];
        }
        return result;
    }

    /**
     * Separable Gaussian filter evaluated only where the window fits: the result is
     * {@code (width - 10) x (height - 10)}, row-major.
     */
    private static double[] filterValid(double[] image, int width, int height) {
        int outWidth = width - 2 * RADIUS;
        int outHeight = height - 2 * RADIUS;
        double[] rows = new double[outWidth * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < outWidth; x++) {
                double sum = 0;
                for (int k = 0; k < WINDOW.length; k++) {
                    sum += WINDOW[k] * image[y * width + x + k];
                }
                rows[y * outWidth + x] = sum;
            }
        }
        double[] result = new double[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                double sum = 0;
                for (int k = 0; k < WINDOW.length; k++) {
                    sum += WINDOW[k] * rows[(y + k) * outWidth + x];
                }
                result[y * outWidth + x] = sum;
            }
        }
        return result;
    }

    private static double[] gaussianWindow() {
        double[] weights = new double[2 * RADIUS + 1];
        double total = 0;
        for (int i = -RADIUS; i <= RADIUS; i++) {
            weights[i + RADIUS] = Math.exp(-0.5 * i * i / (SIGMA * SIGMA));
            total += weights[i + RADIUS];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }
}
