package org.denoiser.flux;

/**
 * The small separable filters {@link FluxRestoration} needs, on the first {@code width x height}
 * floats of row-major arrays (buffers are reused from band to band, so they may be longer).
 * Each filter writes {@code out} and uses {@code across} for its first pass; neither may be the
 * input. Columns are mirrored at the left and right edges (a window always holds whole rows of
 * the plane); rows are clamped at the window's top and bottom, which only touches rows the
 * caller discards.
 */
final class SourceFilters {
    private SourceFilters() {
    }

    /** Gaussian blur with {@code sigma} pixels, kernel cut at 3 sigma. */
    static void gaussian(float[] a, float[] out, float[] across, int width, int height, double sigma) {
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
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                float v = 0;
                if (x >= reach && x < width - reach) { // inside: no mirroring, the common case
                    for (int i = -reach; i <= reach; i++) {
                        v += kernel[i + reach] * a[base + x + i];
                    }
                } else {
                    for (int i = -reach; i <= reach; i++) {
                        v += kernel[i + reach] * a[base + column(x + i, width)];
                    }
                }
                across[base + x] = v;
            }
        }
        java.util.Arrays.fill(out, 0, width * height, 0f);
        for (int y = 0; y < height; y++) { // row by row, so the inner loop runs along memory
            int base = y * width;
            for (int i = -reach; i <= reach; i++) {
                int from = row(y + i, height) * width;
                float k = kernel[i + reach];
                for (int x = 0; x < width; x++) {
                    out[base + x] += k * across[from + x];
                }
            }
        }
    }

    /** Mean over the {@code (2 radius + 1)}-pixel square around each pixel (running sums). */
    static void boxMean(float[] a, float[] out, float[] across, int width, int height, int radius) {
        for (int y = 0; y < height; y++) {
            double sum = 0;
            for (int i = -radius; i <= radius; i++) {
                sum += a[y * width + column(i, width)];
            }
            for (int x = 0; x < width; x++) {
                across[y * width + x] = (float) sum;
                sum += a[y * width + column(x + radius + 1, width)] - a[y * width + column(x - radius, width)];
            }
        }
        float side = 2 * radius + 1;
        for (int x = 0; x < width; x++) {
            double sum = 0;
            for (int i = -radius; i <= radius; i++) {
                sum += across[row(i, height) * width + x];
            }
            for (int y = 0; y < height; y++) {
                out[y * width + x] = (float) (sum / (side * side));
                sum += across[row(y + radius + 1, height) * width + x] - across[row(y - radius, height) * width + x];
            }
        }
    }

    /** Minimum over the {@code (2 radius + 1)}-pixel square around each pixel. */
    static void minimum(float[] a, float[] out, float[] across, int width, int height, int radius) {
        extremum(a, out, across, width, height, radius, true);
    }

    /** Maximum over the {@code (2 radius + 1)}-pixel square around each pixel. */
    static void maximum(float[] a, float[] out, float[] across, int width, int height, int radius) {
        extremum(a, out, across, width, height, radius, false);
    }

    private static void extremum(float[] a, float[] out, float[] across, int width, int height, int radius,
            boolean minimum) {
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                float v = a[base + x];
                if (x >= radius && x < width - radius) { // inside: no mirroring, the common case
                    for (int i = -radius; i <= radius; i++) {
                        v = minimum ? Math.min(v, a[base + x + i]) : Math.max(v, a[base + x + i]);
                    }
                } else {
                    for (int i = -radius; i <= radius; i++) {
                        float u = a[base + column(x + i, width)];
                        v = minimum ? Math.min(v, u) : Math.max(v, u);
                    }
                }
                across[base + x] = v;
            }
        }
        for (int y = 0; y < height; y++) { // row by row, so the inner loop runs along memory
            int base = y * width;
            System.arraycopy(across, base, out, base, width);
            for (int i = -radius; i <= radius; i++) {
                int from = row(y + i, height) * width;
                for (int x = 0; x < width; x++) {
                    out[base + x] = minimum ? Math.min(out[base + x], across[from + x])
                            : Math.max(out[base + x], across[from + x]);
                }
            }
        }
    }

    private static int column(int x, int width) {
        long folded = Math.floorMod(x, 2L * width);
        return (int) (folded < width ? folded : 2L * width - 1 - folded);
    }

    private static int row(int y, int height) {
        return Math.max(0, Math.min(height - 1, y));
    }
}
