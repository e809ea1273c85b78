package org.denoiser.noise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Estimates an image's noise from the image alone, so a model that is told the noise level can
 * run blind. A simplified form of Foi et al.'s Poisson-Gaussian fit ("Practical Poissonian-Gaussian
 * noise modeling and fitting for single-image raw-data", 2008):
 * <ol>
 * <li>the image is cut into 8x8 blocks; each block gives its mean (the signal) and the mean square
 *     of its 16 diagonal Haar details {@code (p00 - p01 - p10 + p11) / 2}, which cancel any linear
 *     ramp of the signal and have the noise variance as expectation;</li>
 * <li>blocks are sorted by signal and grouped into bins of equal count; the median variance of a bin
 *     is robust to the edges and texture that inflate some blocks;</li>
 * <li>{@code variance = shot^2 * signal + read^2} is fitted to the bins by weighted least squares
 *     with both terms kept non-negative.</li>
 * </ol>
 * Blocks holding NaN or infinite pixels are skipped.
 *
 * <p><b>Why there is a second estimator, and when to use which.</b> {@link
 * org.denoiser.normalize.NoiseLevel} gives one Gaussian sigma, in image units, from the median
 * difference of neighbouring pixels; the 16/32-bit normalization's span cap and the flux
 * restoration were measured with it, and it streams over an image of any size and type without a
 * copy. Use it for a scientific image's (background) noise in its own units. Use this class for a
 * model that is told the noise level: only it fits signal-dependent (shot) noise, it reads the
 * float block sample the network sees, and its diagonal details cancel the image's gradients, so
 * on textured photographs its Gaussian sigma is about half as biased (cameraman with sigma 5, 10,
 * 25 of 255: +18, +10, +2.5 % here against +37, +19, +6 % for the neighbour differences; on a
 * star field's flat sky, sigma 10, the two agree within 1 %; {@code NoiseEstimatorTest}). The
 * robust piece its two estimates share is {@link #noiseVariance}: the median of block mean
 * squares, scaled to a variance.
 */
public final class NoiseEstimator {

    private static final int BLOCK = 8;
    private static final int BINS = 16;
    /** Median of chi-square(16)/16, the spread of a 16-sample mean square around its expectation. */
    private static final double MEDIAN_OF_MEAN_SQUARE = 0.9589;

    private NoiseEstimator() {
    }

    /** Signal-dependent (Poisson-Gaussian) fit; {@code pixels} row-major, {@code width x height}. */
    public static NoiseLevels poissonGaussian(float[] pixels, int width, int height) {
        return poissonGaussian(pixels, width, height, false);
    }

    /**
     * As {@link #poissonGaussian(float[], int, int)}, but when the fit wants a negative read
     * variance its slope is kept (and the read noise set to 0) instead of refitting the line
     * through 0. That happens when the image's black level lies above 0, as in the 0.2..0.8
     * headroom map a network sees 16/32-bit data in: the variance is then {@code a * (x - black)},
     * and a line forced through 0 underestimates {@code a}, so a network told the levels would
     * under-smooth where the signal is (measured: 2.1 dB lower PSNR on low-light fluorescence, see
     * MODELS.md "Strength control").
     */
    public static NoiseLevels poissonGaussianKeepingSlope(float[] pixels, int width, int height) {
        return poissonGaussian(pixels, width, height, true);
    }

    private static NoiseLevels poissonGaussian(float[] pixels, int width, int height, boolean keepSlope) {
        List<double[]> bins = binnedVariances(blocks(pixels, width, height));
        if (bins.isEmpty()) {
            return new NoiseLevels(0, 0);
        }
        return fit(bins, keepSlope);
    }

    /** Signal-independent (Gaussian) noise: {@code shot} is 0, {@code read} the sigma. */
    public static NoiseLevels gaussian(float[] pixels, int width, int height) {
        List<double[]> blocks = blocks(pixels, width, height);
        if (blocks.isEmpty()) {
            return new NoiseLevels(0, 0);
        }
        return new NoiseLevels(0, Math.sqrt(noiseVariance(blocks.stream().mapToDouble(b -> b[1]).toArray())));
    }

    /** Each finite 8x8 block as {signal mean, mean square of its diagonal details}. */
    private static List<double[]> blocks(float[] pixels, int width, int height) {
        if (pixels.length != (long) width * height) {
            throw new IllegalArgumentException(width + "x" + height + " needs " + (long) width * height + " pixels, got "
                    + pixels.length);
        }
        List<double[]> blocks = new ArrayList<>();
        for (int top = 0; top + BLOCK <= height; top += BLOCK) {
            for (int left = 0; left + BLOCK <= width; left += BLOCK) {
                double[] block = block(pixels, width, top, left);
                if (block != null) {
                    blocks.add(block);
                }
            }
        }
        return blocks;
    }

    private static double[] block(float[] pixels, int width, int top, int left) {
        double sum = 0;
        double squares = 0;
        for (int y = top; y < top + BLOCK; y += 2) {
            for (int x = left; x < left + BLOCK; x += 2) {
                float a = pixels[y * width + x];
                float b = pixels[y * width + x + 1];
                float c = pixels[(y + 1) * width + x];
                float d = pixels[(y + 1) * width + x + 1];
                if (!Float.isFinite(a) || !Float.isFinite(b) || !Float.isFinite(c) || !Float.isFinite(d)) {
                    return null;
                }
                double detail = (a - b - c + d) / 2.0;
                squares += detail * detail;
                sum += (double) a + b + c + d;
            }
        }
        int details = (BLOCK / 2) * (BLOCK / 2);
        return new double[] {sum / (BLOCK * BLOCK), squares / details};
    }

    /** Bins of blocks with similar signal, each as {median signal, median variance, block count}. */
    private static List<double[]> binnedVariances(List<double[]> blocks) {
        blocks.sort(Comparator.comparingDouble(b -> b[0]));
        int bins = Math.min(BINS, blocks.size());
        List<double[]> result = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            int from = i * blocks.size() / bins;
            int to = (i + 1) * blocks.size() / bins;
            if (to - from < 1) {
                continue;
            }
            double[] signal = new double[to - from];
            double[] variance = new double[to - from];
            for (int j = from; j < to; j++) {
                signal[j - from] = blocks.get(j)[0];
                variance[j - from] = blocks.get(j)[1];
            }
            result.add(new double[] {median(signal), noiseVariance(variance), to - from});
        }
        return result;
    }

    /**
     * Weighted least squares of variance = a * signal + b, weights count / variance^2 (a variance
     * estimate's spread grows with the variance); a or b below zero is pinned at zero and the other
     * refitted (with {@code keepSlope}, a negative b is pinned and a kept).
     */
    private static NoiseLevels fit(List<double[]> bins, boolean keepSlope) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] bin : bins) {
            double w = bin[2] / Math.max(bin[1] * bin[1], 1e-30);
            sw += w;
            sx += w * bin[0];
            sy += w * bin[1];
            sxx += w * bin[0] * bin[0];
            sxy += w * bin[0] * bin[1];
        }
        double determinant = sw * sxx - sx * sx;
        double a = determinant > 0 ? (sw * sxy - sx * sy) / determinant : 0;
        double b = determinant > 0 ? (sy - a * sx) / sw : sy / sw;
        if (a < 0) {
            a = 0;
            b = sy / sw;
        } else if (b < 0) {
            b = 0;
            a = keepSlope ? a : sxx > 0 ? Math.max(sxy / sxx, 0) : 0;
        }
        return new NoiseLevels(Math.sqrt(a), Math.sqrt(b));
    }

    /**
     * The noise variance of blocks from their details' mean squares: a block on an edge or texture
     * has an inflated one, so the median is taken and scaled by that of a pure-noise block.
     */
    private static double noiseVariance(double[] meanSquares) {
        return median(meanSquares) / MEDIAN_OF_MEAN_SQUARE;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
