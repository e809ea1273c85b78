package org.denoiser.imagej;

import ij.IJ;
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

    /**
     * Shows {@code error} the way this ImageJ can: the Log without a window (headless), an error
     * dialog in the GUI. Inside a macro, {@link IJ#error(String, String)} also stops the macro (a
     * "Macro Error" naming the line), so that its next line does not save the noisy image under the
     * denoised name; that holds for a cancelled run too. Outside a macro, Esc needs no dialog.
     */
    static void report(Throwable error, String imageTitle, int tileSize) {
        boolean cancelled = error instanceof CancelledException;
        String message = cancelled
                ? "Denoising \"" + imageTitle + "\" was cancelled; no result was made."
                : messageFor(error, imageTitle, tileSize);
        IJ.showProgress(1.0);
        IJ.showStatus(cancelled ? "Denoise: cancelled, no result" : "Denoise: failed");
        boolean headless = IJ.getInstance() == null;
        if (headless) {
            IJ.log((cancelled ? "Denoise: " : "Denoise error: ") + message.replace('\n', ' '));
        }
        if (IJ.isMacro() || (!headless && !cancelled)) {
            IJ.error("Denoise", message);
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
