package org.denoiser.api;

/** Told after every finished tile; implementations must be cheap and thread-safe. */
@FunctionalInterface
public interface DenoiseProgress {
    DenoiseProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} tiles of the whole image or stack are finished. */
    void update(long done, long total);
}
