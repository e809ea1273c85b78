package org.denoiser.train;

import java.util.List;
import java.util.Random;

/**
 * A stack of network inputs and targets, NHWC with one channel, flattened row-major. For
 * supervised training the input is {@code noisy} and the target {@code clean}. For blind-spot
 * training the input is the noisy patch with some pixels hidden, the target the noisy patch as
 * recorded, and {@code mask} (1 where a pixel was hidden, else 0) says where the loss is taken;
 * supervised batches have no mask (null).
 */
public record Batch(int size, int height, int width, float[] noisy, float[] clean, float[] mask) {

    public Batch {
        int expected = size * height * width;
        if (size <= 0 || noisy.length != expected || clean.length != expected
                || (mask != null && mask.length != expected)) {
            throw new IllegalArgumentException("batch of " + size + " images of " + height + "x" + width
                    + " needs " + expected + " values per array");
        }
    }

    /** A supervised batch: noisy inputs, clean targets, loss on every pixel. */
    public Batch(int size, int height, int width, float[] noisy, float[] clean) {
        this(size, height, width, noisy, clean, null);
    }

    /** Stacks the given images, adding fresh noise to each from {@code random}. */
    public static Batch of(ImageSet set, List<Integer> indices, NoiseModel noise, Random random) {
        int pixels = set.pixelsPerImage();
        float[] noisy = new float[indices.size() * pixels];
        float[] clean = new float[indices.size() * pixels];
        for (int b = 0; b < indices.size(); b++) {
            float[] image = set.image(indices.get(b));
            System.arraycopy(image, 0, clean, b * pixels, pixels);
            System.arraycopy(noise.apply(image, random), 0, noisy, b * pixels, pixels);
        }
        return new Batch(indices.size(), set.height(), set.width(), noisy, clean);
    }

    public float[] cleanImage(int index) {
        return slice(clean, index);
    }

    public float[] noisyImage(int index) {
        return slice(noisy, index);
    }

    private float[] slice(float[] values, int index) {
        int pixels = height * width;
        float[] image = new float[pixels];
        System.arraycopy(values, index * pixels, image, 0, pixels);
        return image;
    }
}
