package org.denoiser.train;

import java.util.List;

/**
 * Training images of one fixed size and channel count, values in [0,1], row-major with the
 * channels of a pixel next to each other ({@code (y * width + x) * channels + c}, the NHWC layout
 * TensorFlow takes). Kept as plain float arrays because they are copied straight into batches.
 */
public record ImageSet(int height, int width, int channels, List<float[]> images) {

    public ImageSet {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image size and channels must be positive, got " + height + "x" + width
                    + "x" + channels);
        }
        images = List.copyOf(images);
        for (float[] image : images) {
            if (image.length != height * width * channels) {
                throw new IllegalArgumentException("every image must hold " + height * width * channels
                        + " values, one holds " + image.length);
            }
        }
    }

    /** Single-channel (gray) images. */
    public ImageSet(int height, int width, List<float[]> images) {
        this(height, width, 1, images);
    }

    /** Other images of this set's size and channel count. */
    public ImageSet withImages(List<float[]> others) {
        return new ImageSet(height, width, channels, others);
    }

    public int size() {
        return images.size();
    }

    public float[] image(int index) {
        return images.get(index);
    }

    /** Pixels (not values: an RGB pixel counts once) per image, for "Mpx seen". */
    public int pixelsPerImage() {
        return height * width;
    }

    /**
     * This set with every image cut at its top left to sides that are multiples of {@code
     * multiple} (a network with more pooling levels takes only such sizes whole); this set itself
     * when they already are.
     */
    public ImageSet croppedToMultipleOf(int multiple) {
        int h = height / multiple * multiple;
        int w = width / multiple * multiple;
        if (h == height && w == width) {
            return this;
        }
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException(height + "x" + width + " images are smaller than the network's size multiple "
                    + multiple);
        }
        List<float[]> cropped = images.stream().map(image -> {
            float[] out = new float[h * w * channels];
            for (int y = 0; y < h; y++) {
                System.arraycopy(image, y * width * channels, out, y * w * channels, w * channels);
            }
            return out;
        }).toList();
        return new ImageSet(h, w, channels, cropped);
    }
}
