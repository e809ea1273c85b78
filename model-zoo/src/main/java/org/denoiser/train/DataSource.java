package org.denoiser.train;

/** Where a preset gets its clean images from; loading happens once, when training starts. */
@FunctionalInterface
public interface DataSource {

    DatasetSplit load();

    /** Short human-readable origin (package and version, or generator and seed) for the training report. */
    default String description() {
        return getClass().getSimpleName();
    }

    /**
     * What lies beyond the edge of the training images, for tiling at inference ({@code mirror} or
     * {@code zero}); whole images on a black background, like digits, continue as zeros.
     */
    default String border() {
        return "mirror";
    }
}
