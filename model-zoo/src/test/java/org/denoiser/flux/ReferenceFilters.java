package org.denoiser.flux;

/**
 * {@link SourceFilters}' filters as their definitions read, pixel by pixel over the whole window,
 * with no attempt at speed: what the fast ones are held to. Columns mirrored, rows clamped.
 */
final class ReferenceFilters {
    private ReferenceFilters() {
    }

    /** Convolution along rows, then along columns, each sum in kernel order from 0. */
    static float[] gaussian(float[] a, int width, int height, float[] kernel) {
        int reach = kernel.length / 2;
        float[] across = new float[width * height];
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = 0;
                for (int i = -reach; i <= reach; i++) {
                    v += kernel[i + reach] * a[y * width + column(x + i, width)];
                }
                across[y * width + x] = v;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = 0;
                for (int i = -reach; i <= reach; i++) {
                    v += kernel[i + reach] * across[row(y + i, height) * width + x];
                }
                out[y * width + x] = v;
            }
        }
        return out;
    }

    /** Extremum over the square: every pixel of the window along the row, then along the column. */
    static float[] extremum(float[] a, int width, int height, int radius, boolean minimum) {
        float[] across = new float[width * height];
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = a[y * width + x];
                for (int i = -radius; i <= radius; i++) {
                    float u = a[y * width + column(x + i, width)];
                    v = minimum ? Math.min(v, u) : Math.max(v, u);
                }
                across[y * width + x] = v;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = across[y * width + x];
                for (int i = -radius; i <= radius; i++) {
                    float u = across[row(y + i, height) * width + x];
                    v = minimum ? Math.min(v, u) : Math.max(v, u);
                }
                out[y * width + x] = v;
            }
        }
        return out;
    }

    /**
     * Box mean by running sums as the filter is specified: along each row from its first pixel,
     * then down each column from the top row, in doubles, each partial sum stored as a float.
     */
    static float[] runningBoxMean(float[] a, int width, int height, int radius) {
        float[] across = new float[width * height];
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            double sum = 0;
            for (int i = -radius; i <= radius; i++) {
                sum += a[y * width + column(i, width)];
            }
            for (int x = 0; x < width; x++) {
                across[y * width + x] = (float) sum;
                float entering = a[y * width + column(x + radius + 1, width)];
                sum += entering - a[y * width + column(x - radius, width)];
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
                float entering = across[row(y + radius + 1, height) * width + x];
                sum += entering - across[row(y - radius, height) * width + x];
            }
        }
        return out;
    }

    /** Box mean summed afresh at every pixel: what the running sums approximate. */
    static double[] directBoxMean(float[] a, int width, int height, int radius) {
        double[] out = new double[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    for (int dx = -radius; dx <= radius; dx++) {
                        sum += a[row(y + dy, height) * width + column(x + dx, width)];
                    }
                }
                out[y * width + x] = sum / ((2.0 * radius + 1) * (2 * radius + 1));
            }
        }
        return out;
    }

    static int column(int x, int width) {
        int folded = Math.floorMod(x, 2 * width);
        return folded < width ? folded : 2 * width - 1 - folded;
    }

    static int row(int y, int height) {
        return Math.max(0, Math.min(height - 1, y));
    }
}
