package org.denoiser.train;

/** Where a preset gets its clean images from; loading happens once, when training starts. */
@FunctionalInterface
public interface DataSource {

    DatasetSplit load();

    /** Short human-readable origin (package and version, or generator and seed) for the training report. */
    default String description() {
        return getClass().getSimpleName();
    }
}
