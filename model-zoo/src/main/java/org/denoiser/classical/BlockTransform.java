package org.denoiser.classical;

/**
 * The orthonormal 2-D DCT-II of an 8x8 block, and its inverse. Orthonormal so that white noise of
 * std sigma stays white with std sigma in the transform domain, where BM3D thresholds it.
 */
final class BlockTransform {
    static final int SIDE = 8;
    static final int SIZE = SIDE * SIDE;

    /** basis[k * SIDE + n]: the k-th cosine at sample n, scaled to unit norm. */
    private static final float[] BASIS = basis();

    private BlockTransform() {
    }

    private static float[] basis() {
        float[] basis = new float[SIZE];
        for (int k = 0; k < SIDE; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / SIDE);
            for (int n = 0; n < SIDE; n++) {
                basis[k * SIDE + n] = (float) (scale * Math.cos(Math.PI * (2 * n + 1) * k / (2.0 * SIDE)));
            }
        }
        return basis;
    }

    /**
     * Reads the block whose top-left pixel is {@code offset} in a row-major image of width
     * {@code width}, and writes its coefficients (row-major, vertical frequency first) to
     * {@code out[at .. at + SIZE)}.
     */
    static void forward(float[] image, int width, int offset, float[] out, int at, float[] scratch) {
        // Rows first: scratch[y * SIDE + k] = sum_x image(y, x) basis(k, x).
        for (int y = 0; y < SIDE; y++) {
            int row = offset + y * width;
            for (int k = 0; k < SIDE; k++) {
                float sum = 0;
                for (int x = 0; x < SIDE; x++) {
                    sum += image[row + x] * BASIS[k * SIDE + x];
                }
                scratch[y * SIDE + k] = sum;
            }
        }
        for (int k = 0; k < SIDE; k++) {
            for (int l = 0; l < SIDE; l++) {
                float sum = 0;
                for (int y = 0; y < SIDE; y++) {
                    sum += scratch[y * SIDE + l] * BASIS[k * SIDE + y];
                }
                out[at + k * SIDE + l] = sum;
            }
        }
    }

    /** The inverse of {@link #forward}, in place on {@code block[at .. at + SIZE)}. */
    static void inverse(float[] block, int at, float[] scratch) {
        for (int y = 0; y < SIDE; y++) {
            for (int l = 0; l < SIDE; l++) {
                float sum = 0;
                for (int k = 0; k < SIDE; k++) {
                    sum += block[at + k * SIDE + l] * BASIS[k * SIDE + y];
                }
                scratch[y * SIDE + l] = sum;
            }
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float sum = 0;
                for (int l = 0; l < SIDE; l++) {
                    sum += scratch[y * SIDE + l] * BASIS[l * SIDE + x];
                }
                block[at + y * SIDE + x] = sum;
            }
        }
    }

    /**
     * The orthonormal Walsh-Hadamard transform along a group of {@code count} (a power of 2)
     * blocks stored one after another: coefficient i of every block is one 1-D signal. It is its
     * own inverse.
     */
    static void hadamard(float[] group, int count) {
        for (int half = 1; half < count; half *= 2) {
            for (int start = 0; start < count; start += 2 * half) {
                for (int j = start; j < start + half; j++) {
                    int a = j * SIZE;
                    int b = (j + half) * SIZE;
                    for (int i = 0; i < SIZE; i++) {
                        float u = group[a + i];
                        float v = group[b + i];
                        group[a + i] = u + v;
                        group[b + i] = u - v;
                    }
                }
            }
        }
        float scale = (float) (1 / Math.sqrt(count));
        for (int i = 0; i < count * SIZE; i++) {
            group[i] *= scale;
        }
    }
}
