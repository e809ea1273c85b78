package org.denoiser.imagej;

import ij.IJ;
import ij.Macro;
import org.denoiser.api.CancelledException;
import org.denoiser.api.DenoiseException;

/**
 * Turns whatever stopped a run into one sentence for the user: an error dialog in the ImageJ
 * window, the Log (standard output) when ImageJ runs without one. Never a stack trace. A running
 * macro is aborted, so that its next line does not save the noisy image under the denoised name.
 */
final class UserErrors {
    private UserErrors() {
    }

    /** The sentence for {@code error}, which happened while denoising {@code imageTitle}. */
    static String messageFor(Throwable error, String imageTitle, int tileSize) {
        if (causedBy(error, OutOfMemoryError.class)) {
            return "Out of memory while denoising \"" + imageTitle + "\" in tiles of " + tileSize + " pixels.\n"
                    + "Try a smaller tile size (e.g. " + Math.max(DenoiseOptions.MIN_TILE_SIZE, tileSize / 2)
                    + ", under 'Tile size'), denoise the current plane only,\n"
                    + "or give ImageJ more memory (Edit > Options > Memory & Threads).";
        }
        if (error instanceof DenoiseException || error instanceof IllegalArgumentException) {
            return "Cannot denoise \"" + imageTitle + "\": " + error.getMessage();
        }
        return "Denoising \"" + imageTitle + "\" failed: " + error;
    }

    /** Shows {@code error} the way this ImageJ can: dialog, or Log without a window. */
    static void report(Throwable error, String imageTitle, int tileSize) {
        if (error instanceof CancelledException) {
            IJ.showStatus("Denoise: cancelled, no result");
            IJ.showProgress(1.0);
            Macro.abort();
            return;
        }
        String message = messageFor(error, imageTitle, tileSize);
        if (IJ.getInstance() == null) {
            IJ.log("Denoise error: " + message.replace('\n', ' '));
            Macro.abort();
        } else {
            IJ.error("Denoise", message); // also aborts a running macro
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
