package org.denoiser.tiling;

/** Told after each finished tile, so a front end can move a progress bar. */
@FunctionalInterface
public interface TileProgress {
    TileProgress NONE = (done, total) -> { };

    void tileDone(int done, int total);
}
