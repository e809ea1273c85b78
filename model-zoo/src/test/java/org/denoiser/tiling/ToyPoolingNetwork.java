package org.denoiser.tiling;

/**
 * A stand-in for the denoising network with a known receptive field: 5x5 filter, 2x2 average
 * pool, 5x5 filter at half resolution, nearest upsample, plus a second full-resolution branch of
 * two chained 5x5 filters. Every filter zero-pads at the tile border ('SAME'), like the real
 * network, so wrong tiling shows up as differences near tile borders.
 *
 * <p>Receptive-field radius: the pooled branch reaches pooled cells {@code p-2..p+2} of the
 * output's cell {@code p}, i.e. input pixels {@code 2p-4..2p+5}, plus 2 for the first filter:
 * at most 7 pixels from the output pixel. The full-resolution branch reaches 4. So radius 7.
 */
final class ToyPoolingNetwork implements TileProcessor {
    static final int RADIUS = 7;

    private static final float[][] FILTER_A = filter(3, 5);
    private static final float[][] FILTER_B = filter(2, 7);
    private static final float[][] FILTER_C = filter(5, 1);

    @Override
    public float[] process(float[] pixels, int width, int height) {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("pooling needs even sizes, got " + width + "x" + height);
        }
        float[] a = convolve(pixels, width, height, FILTER_A);
        float[] pooled = averagePool(a, width, height);
        float[] coarse = convolve(pooled, width / 2, height / 2, FILTER_B);
        float[] fine = convolve(a, width, height, FILTER_C);
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = fine[y * width + x] + coarse[(y / 2) * (width / 2) + x / 2];
            }
        }
        return out;
    }

    /** A 5x5 filter with uneven weights (so mirrored or shifted inputs change the result). */
    private static float[][] filter(int a, int b) {
        float[][] k = new float[5][5];
        float sum = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                k[i][j] = 1 + (i * a + j * b) % 7;
                sum += k[i][j];
            }
        }
        for (float[] row : k) {
            for (int j = 0; j < 5; j++) {
                row[j] /= sum;
            }
        }
        return k;
    }

    private static float[] convolve(float[] in, int width, int height, float[][] k) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        int sx = x + dx;
                        int sy = y + dy;
                        if (sx >= 0 && sx < width && sy >= 0 && sy < height) {
                            sum += k[dy + 2][dx + 2] * in[sy * width + sx];
                        }
                    }
                }
                out[y * width + x] = sum;
            }
        }
        return out;
    }

    private static float[] averagePool(float[] in, int width, int height) {
        int w = width / 2;
        float[] out = new float[w * (height / 2)];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[(y / 2) * w + x / 2] += in[y * width + x] / 4;
            }
        }
        return out;
    }
}
