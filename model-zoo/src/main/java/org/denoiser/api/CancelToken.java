package org.denoiser.api;

/**
 * Lets a front end stop long work from another thread (Esc in ImageJ, Ctrl-C on the command line,
 * shutdown in the worker). Work checks it between tiles and then throws {@link CancelledException}.
 */
public final class CancelToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancelledException} if cancelled. */
    public void check(String what) {
        if (cancelled) {
            throw new CancelledException(what + " was cancelled");
        }
    }
}
