package org.denoiser.train;

/** Training images and the held-out images that are only used to measure the trained model. */
public record DatasetSplit(ImageSet train, ImageSet test) {

    public DatasetSplit {
        if (train.height() != test.height() || train.width() != test.width() || train.channels() != test.channels()) {
            throw new IllegalArgumentException("train and test images must have the same size and channels");
        }
        if (train.size() == 0 || test.size() == 0) {
            throw new IllegalArgumentException("train and test sets must both hold at least one image");
        }
    }

    /** Both sets cut to sides that are multiples of {@code multiple} (see {@link ImageSet#croppedToMultipleOf}). */
    public DatasetSplit croppedToMultipleOf(int multiple) {
        return new DatasetSplit(train.croppedToMultipleOf(multiple), test.croppedToMultipleOf(multiple));
    }
}
