package org.denoiser.train;

/**
 * The training batches of a run, by step number (1-based). Asking for a step again, or for a
 * later one after a restart, must give the same batch: that is what makes a resumed run equal
 * an uninterrupted one.
 */
public interface BatchSource {

    Batch batch(long step);
}
