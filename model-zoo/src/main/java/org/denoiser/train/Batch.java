package org.denoiser.train;

import java.util.List;
import java.util.Random;

/**
 * A stack of network inputs and targets, NHWC, flattened row-major with the {@code channels} of a
 * pixel next to each other. For supervised training the input is {@code noisy} and the target
 * {@code clean}. For blind-spot training the input is the noisy patch with some pixels hidden, the
 * target the noisy patch as recorded, and {@code mask} (1 where a pixel was hidden, else 0) says
 * where the loss is taken; supervised batches have no mask (null). For a network that is told the
 * noise level, {@code levels} holds the same number of levels per image (see
 * {@link NoiseModel#levelCount()}); for a blind one it is empty.
 */
public record Batch(int size, int height, int width, int channels, float[] noisy, float[] clean, float[] mask,
        float[] levels) {

    public Batch {
        int expected = size * height * width * channels;
        if (size <= 0 || channels <= 0 || noisy.length != expected || clean.length != expected
                || (mask != null && mask.length != expected) || levels.length % size != 0) {
            throw new IllegalArgumentException("batch of " + size + " images of " + height + "x" + width + "x"
                    + channels + " needs " + expected + " values per array and the same number of levels per image");
        }
    }

    /** A single-channel batch, told {@code levels} (empty for a blind network). */
    public Batch(int size, int height, int width, float[] noisy, float[] clean, float[] mask, float[] levels) {
        this(size, height, width, 1, noisy, clean, mask, levels);
    }

    /** A supervised single-channel batch: noisy inputs, clean targets, loss on every pixel. */
    public Batch(int size, int height, int width, float[] noisy, float[] clean) {
        this(size, height, width, noisy, clean, null, new float[0]);
    }

    /** A single-channel blind-spot batch: the loss is taken where {@code mask} is 1. */
    public Batch(int size, int height, int width, float[] noisy, float[] clean, float[] mask) {
        this(size, height, width, noisy, clean, mask, new float[0]);
    }

    /** Levels per image (0 for a blind model). */
    public int levelCount() {
        return levels.length / size;
    }

    /** Stacks the given images, adding fresh noise to each from {@code random}. */
    public static Batch of(ImageSet set, List<Integer> indices, NoiseModel noise, Random random) {
        Builder batch = new Builder(indices.size(), set.height(), set.width(), noise.networkChannels(set.channels()),
                noise.levelCount());
        for (int index : indices) {
            float[] image = set.image(index);
            batch.add(image, noise.applyWithLevels(image, random));
        }
        return batch.build();
    }

    /** Collects clean images with their noisy versions (and noise levels) into a batch. */
    static final class Builder {
        private final int size;
        private final int height;
        private final int width;
        private final int channels;
        private final int levelCount;
        private final float[] noisy;
        private final float[] clean;
        private final float[] levels;
        private int added;

        Builder(int size, int height, int width, int channels, int levelCount) {
            this.size = size;
            this.height = height;
            this.width = width;
            this.channels = channels;
            this.levelCount = levelCount;
            noisy = new float[size * height * width * channels];
            clean = new float[size * height * width * channels];
            levels = new float[size * levelCount];
        }

        /** @param cleanImage the stored image the noise was applied to (the target unless the noisy image names one) */
        void add(float[] cleanImage, NoiseModel.NoisyImage noisyImage) {
            int values = height * width * channels;
            float[] target = noisyImage.target() != null ? noisyImage.target() : cleanImage;
            System.arraycopy(target, 0, clean, added * values, values);
            System.arraycopy(noisyImage.pixels(), 0, noisy, added * values, values);
            System.arraycopy(noisyImage.levels(), 0, levels, added * levelCount, levelCount);
            added++;
        }

        Batch build() {
            if (added != size) {
                throw new IllegalStateException("batch of " + size + " holds " + added + " images");
            }
            return new Batch(size, height, width, channels, noisy, clean, null, levels);
        }
    }

    public float[] cleanImage(int index) {
        return slice(clean, index);
    }

    public float[] noisyImage(int index) {
        return slice(noisy, index);
    }

    /** Values (pixels times channels) per image. */
    public int valuesPerImage() {
        return height * width * channels;
    }

    private float[] slice(float[] values, int index) {
        int perImage = valuesPerImage();
        float[] image = new float[perImage];
        System.arraycopy(values, index * perImage, image, 0, perImage);
        return image;
    }
}
