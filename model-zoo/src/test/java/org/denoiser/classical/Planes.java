package org.denoiser.classical;

import java.util.Random;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** Gray planes for the classical methods' tests: crops of real images, seeded noise. */
final class Planes {
    private Planes() {
    }

    static float[] crop(Img<UnsignedByteType> image, int left, int top, int width, int height) {
        float[] plane = new float[width * height];
        RandomAccess<UnsignedByteType> access = image.randomAccess();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                access.setPosition(new long[] {left + x, top + y});
                plane[y * width + x] = access.get().get();
            }
        }
        return plane;
    }

    static float[] withGaussianNoise(float[] clean, double sigma, long seed) {
        Random random = new Random(seed);
        float[] noisy = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            noisy[i] = (float) (clean[i] + sigma * random.nextGaussian());
        }
        return noisy;
    }

    /** The 3x3 mean (edges replicated): the simple baseline BM3D must beat. */
    static float[] boxFiltered(float[] plane, int width, int height) {
        float[] out = new float[plane.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = Math.min(height - 1, Math.max(0, y + dy));
                        int xx = Math.min(width - 1, Math.max(0, x + dx));
                        sum += plane[yy * width + xx];
                    }
                }
                out[y * width + x] = sum / 9;
            }
        }
        return out;
    }
}
