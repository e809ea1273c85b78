package org.denoiser.flux;

import java.util.Arrays;

/**
 * The small separable filters {@link FluxRestoration} needs, on the first {@code width x height}
 * floats of row-major arrays (buffers are reused from band to band, so they may be longer).
 * Each filter writes rows {@code from .. to - 1} of {@code out}, which may not be the input, and
 * reads the input only in the rows those depend on, so a caller computes only the rows a later
 * step uses. Columns are mirrored at the left and right edges (a window always holds whole rows
 * of the plane); rows are clamped at the window's top and bottom, which only touches rows the
 * caller discards.
 *
 * <p>Each filter gives, bit for bit, what its straightforward definition gives (the test holds
 * them to it): minimum and maximum are exact in any order, and the sums keep the order of the
 * definitions' loops. Not thread-safe: the working buffers are kept from call to call, so a
 * plane's bands make no garbage.
 */
final class SourceFilters {
    /** Each filter's first pass (along rows), over the whole window. */
    private float[] across = new float[0];
    /** One row with its mirrored margins, so that inner loops need no index folding. */
    private float[] padded = new float[0];
    /** Van Herk's extrema from a pixel to the end of its block: along a padded row, or a block of rows. */
    private float[] suffix = new float[0];
    /** Van Herk's extrema from the start of a pixel's block to the pixel: along a padded row, or one row. */
    private float[] prefix = new float[0];
    /** A box mean's running column sums. */
    private double[] sums = new double[0];
    /** Where each tap of a convolution starts in its source. */
    private int[] taps = new int[0];

    /** A Gaussian kernel of {@code sigma} pixels, cut at 3 sigma and normalized to sum 1. */
    static float[] gaussianKernel(double sigma) {
        int reach = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * reach + 1];
        double sum = 0;
        for (int i = -reach; i <= reach; i++) {
            kernel[i + reach] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + reach];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        return kernel;
    }

    /** Convolution with {@code kernel} (odd length, centred) along rows, then along columns. */
    void gaussian(float[] a, float[] out, int width, int height, int from, int to, float[] kernel) {
        int reach = kernel.length / 2;
        across = grow(across, width * height);
        taps = grow(taps, kernel.length);
        for (int i = 0; i < kernel.length; i++) {
            taps[i] = i; // tap i of padded pixel x is padded pixel x + i
        }
        for (int y = Math.max(0, from - reach); y < Math.min(height, to + reach); y++) {
            convolve(kernel, padRow(a, y * width, width, reach), taps, across, y * width, width);
        }
        for (int y = from; y < to; y++) {
            for (int i = 0; i < kernel.length; i++) {
                taps[i] = row(y - reach + i, height) * width;
            }
            convolve(kernel, across, taps, out, y * width, width);
        }
    }

    /**
     * {@code target[t + x] = 0 + kernel[0] a[taps[0] + x] + kernel[1] a[taps[1] + x] + ...},
     * summed in that order as the definition does, for {@code x < width}: whole rows at a time so
     * the inner loops run along memory, two taps a sweep to halve the target's loads and stores.
     */
    private static void convolve(float[] kernel, float[] a, int[] taps, float[] target, int t, int width) {
        float k0 = kernel[0];
        int a0 = taps[0];
        for (int x = 0; x < width; x++) {
            target[t + x] = 0f + k0 * a[a0 + x];
        }
        int i = 1;
        for (; i + 1 < kernel.length; i += 2) {
            float k1 = kernel[i];
            float k2 = kernel[i + 1];
            int a1 = taps[i];
            int a2 = taps[i + 1];
            for (int x = 0; x < width; x++) {
                target[t + x] = target[t + x] + k1 * a[a1 + x] + k2 * a[a2 + x];
            }
        }
        if (i < kernel.length) {
            float k1 = kernel[i];
            int a1 = taps[i];
            for (int x = 0; x < width; x++) {
                target[t + x] += k1 * a[a1 + x];
            }
        }
    }

    /**
     * Mean over the {@code (2 radius + 1)}-pixel square around each pixel, by running sums. The
     * column sums run down from the window's top row whatever {@code from} is, so that their
     * rounding, and so the result, is the same as when every row is computed.
     */
    void boxMean(float[] a, float[] out, int width, int height, int from, int to, int radius) {
        across = grow(across, width * height);
        int side = 2 * radius + 1;
        for (int y = 0; y < Math.min(height, to + radius); y++) {
            float[] line = padRow(a, y * width, width, radius);
            int base = y * width;
            double sum = 0;
            for (int j = 0; j < side; j++) {
                sum += line[j];
            }
            for (int x = 0; x < width - 1; x++) {
                across[base + x] = (float) sum;
                sum += line[x + side] - line[x];
            }
            across[base + width - 1] = (float) sum;
        }
        sums = grow(sums, width);
        Arrays.fill(sums, 0, width, 0);
        for (int i = -radius; i <= radius; i++) {
            addRow(row(i, height) * width, -1, width);
        }
        float area = (float) side * side;
        for (int y = 0; y < to; y++) {
            if (y >= from) {
                int base = y * width;
                for (int x = 0; x < width; x++) {
                    out[base + x] = (float) (sums[x] / area);
                }
            }
            if (y + 1 < to) {
                addRow(row(y + radius + 1, height) * width, row(y - radius, height) * width, width);
            }
        }
    }

    /** Adds row {@code add} of {@code across} to the column sums, less row {@code subtract} unless that is -1. */
    private void addRow(int add, int subtract, int width) {
        if (subtract < 0) {
            for (int x = 0; x < width; x++) {
                sums[x] += across[add + x];
            }
        } else {
            for (int x = 0; x < width; x++) {
                sums[x] += across[add + x] - across[subtract + x];
            }
        }
    }

    /** Minimum over the {@code (2 radius + 1)}-pixel square around each pixel. */
    void minimum(float[] a, float[] out, int width, int height, int from, int to, int radius) {
        extremum(a, out, width, height, from, to, radius, true);
    }

    /** Maximum over the {@code (2 radius + 1)}-pixel square around each pixel. */
    void maximum(float[] a, float[] out, int width, int height, int from, int to, int radius) {
        extremum(a, out, width, height, from, to, radius, false);
    }

    /**
     * Van Herk / Gil-Werman: cut a line into blocks of the window's length; then every window is
     * the end of one block and the start of the next, so with each block's running extrema from
     * either side a pixel costs three comparisons, whatever the radius.
     */
    private void extremum(float[] a, float[] out, int width, int height, int from, int to, int radius,
            boolean minimum) {
        across = grow(across, width * height);
        for (int y = Math.max(0, from - radius); y < Math.min(height, to + radius); y++) {
            extremumAlongRow(a, y * width, width, radius, minimum);
        }
        extremumAlongColumns(out, width, height, from, to, radius, minimum);
    }

    /** Row {@code base} of {@code across}: the extremum of {@code a} over the window along the row. */
    private void extremumAlongRow(float[] a, int base, int width, int radius, boolean minimum) {
        int side = 2 * radius + 1;
        int length = width + 2 * radius;
        int blocked = (length + side - 1) / side * side;
        padded = grow(padded, blocked);
        float[] line = padRow(a, base, width, radius);
        // the last block filled up with the extremum's neutral value, which changes no extremum
        Arrays.fill(line, length, blocked, minimum ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY);
        suffix = grow(suffix, blocked);
        prefix = grow(prefix, blocked);
        for (int start = 0; start < blocked; start += side) {
            suffix[start + side - 1] = line[start + side - 1];
            prefix[start] = line[start];
        }
        // step m of every block in one sweep: block by block, each step would wait for the one before
        for (int m = side - 2; m >= 0; m--) {
            for (int j = m; j < blocked; j += side) {
                suffix[j] = pick(line[j], suffix[j + 1], minimum);
            }
        }
        for (int m = 1; m < side; m++) {
            for (int j = m; j < blocked; j += side) {
                prefix[j] = pick(prefix[j - 1], line[j], minimum);
            }
        }
        // window x covers padded pixels x .. x + 2 radius: the tail of x's block and the head of the next
        combine(suffix, 0, prefix, 2 * radius, across, base, width, minimum);
    }

    /**
     * Rows {@code from .. to - 1} of {@code out}: the extremum of {@code across} over the window
     * along columns, whole rows at a time so the inner loops run along memory. Row {@code t} of
     * the padded column is window row {@code from - radius + t} (clamped).
     */
    private void extremumAlongColumns(float[] out, int width, int height, int from, int to, int radius,
            boolean minimum) {
        int side = 2 * radius + 1;
        int rows = to - from;
        suffix = grow(suffix, side * width);
        prefix = grow(prefix, width);
        for (int start = 0; start < rows; start += side) {
            for (int m = side - 1; m >= 0; m--) { // the block's suffix extrema, from its last row up
                int source = row(from - radius + start + m, height) * width;
                if (m == side - 1) {
                    System.arraycopy(across, source, suffix, m * width, width);
                } else {
                    combine(across, source, suffix, (m + 1) * width, suffix, m * width, width, minimum);
                }
            }
            // output row start covers exactly this block; row start + m + 1 its tail from m + 1 and
            // the next block's head up to m
            System.arraycopy(suffix, 0, out, (from + start) * width, width);
            for (int m = 0; m < side - 1 && start + m + 1 < rows; m++) {
                int source = row(from - radius + start + side + m, height) * width;
                if (m == 0) {
                    System.arraycopy(across, source, prefix, 0, width);
                } else {
                    combine(prefix, 0, across, source, prefix, 0, width, minimum);
                }
                combine(suffix, (m + 1) * width, prefix, 0, out, (from + start + m + 1) * width, width, minimum);
            }
        }
    }

    /** {@code target[t + x] = pick(a[i + x], b[j + x])} for {@code x < width}. */
    private static void combine(float[] a, int i, float[] b, int j, float[] target, int t, int width,
            boolean minimum) {
        if (minimum) {
            for (int x = 0; x < width; x++) {
                target[t + x] = Math.min(a[i + x], b[j + x]);
            }
        } else {
            for (int x = 0; x < width; x++) {
                target[t + x] = Math.max(a[i + x], b[j + x]);
            }
        }
    }

    private static float pick(float a, float b, boolean minimum) {
        return minimum ? Math.min(a, b) : Math.max(a, b);
    }

    /** The row of {@code a} starting at {@code base}, with {@code margin} mirrored pixels on each side. */
    private float[] padRow(float[] a, int base, int width, int margin) {
        padded = grow(padded, width + 2 * margin);
        System.arraycopy(a, base, padded, margin, width);
        for (int j = 0; j < margin; j++) {
            padded[j] = a[base + column(j - margin, width)];
            padded[margin + width + j] = a[base + column(width + j, width)];
        }
        return padded;
    }

    private static float[] grow(float[] buffer, int size) {
        return buffer.length >= size ? buffer : new float[size];
    }

    private static int[] grow(int[] buffer, int size) {
        return buffer.length >= size ? buffer : new int[size];
    }

    private static double[] grow(double[] buffer, int size) {
        return buffer.length >= size ? buffer : new double[size];
    }

    private static int column(int x, int width) {
        long folded = Math.floorMod(x, 2L * width);
        return (int) (folded < width ? folded : 2L * width - 1 - folded);
    }

    private static int row(int y, int height) {
        return Math.max(0, Math.min(height - 1, y));
    }
}
