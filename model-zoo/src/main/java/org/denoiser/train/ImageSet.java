package org.denoiser.train;

import java.util.List;

/**
 * Single-channel training images of one fixed size, pixels in [0,1], row-major.
 * Kept as plain float arrays because they are copied straight into TensorFlow batches.
 */
public record ImageSet(int height, int width, List<float[]> images) {

    public ImageSet {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        images = List.copyOf(images);
        for (float[] image : images) {
            if (image.length != height * width) {
                throw new IllegalArgumentException("every image must hold " + height * width
                        + " pixels, one holds " + image.length);
            }
        }
    }

    public int size() {
        return images.size();
    }

    public float[] image(int index) {
        return images.get(index);
    }

    public int pixelsPerImage() {
        return height * width;
    }
}
