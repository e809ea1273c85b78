package org.denoiser.imagej;

import org.denoiser.api.CancelledException;
import org.denoiser.api.DenoiseException;

/**
 * Turns whatever stopped a run into one sentence for the user: an error dialog in the ImageJ
 * window, the Log (standard output) when ImageJ runs without one. Never a stack trace. A running
 * macro is aborted, so that its next line does not save the noisy image under the denoised name
 * (or go on as if a model had been trained).
 */
final class UserErrors {
    private UserErrors() {
    }

    /** What was running, in the words of its messages. */
    enum Activity {
        DENOISE("Denoise", "Cannot denoise", "Denoising", "no result was made"),
        TRAIN("Train", "Cannot train on", "Training on", "no model was installed");

        private final String command;
        private final String cannot;
        private final String doing;
        private final String nothingMade;

        Activity(String command, String cannot, String doing, String nothingMade) {
            this.command = command;
            this.cannot = cannot;
            this.doing = doing;
            this.nothingMade = nothingMade;
        }
    }

    /** The sentence for {@code error}, which happened while denoising {@code imageTitle}. */
    static String messageFor(Throwable error, String imageTitle, int tileSize) {
        return messageFor(error, imageTitle, Activity.DENOISE,
                "Out of memory while denoising \"" + imageTitle + "\" in tiles of " + tileSize + " pixels.\n"
                + "Try a smaller tile size (e.g. " + Math.max(DenoiseOptions.MIN_TILE_SIZE, tileSize / 2)
                + ", under 'Tile size'), denoise the current plane only,\n"
                + "or give ImageJ more memory (Edit > Options > Memory & Threads).");
    }

    /** The sentence for {@code error}, which happened while training on {@code imageTitle}. */
    static String trainingMessageFor(Throwable error, String imageTitle) {
        return messageFor(error, imageTitle, Activity.TRAIN,
                "Out of memory while training on \"" + imageTitle + "\".\n"
                + "Train on the current plane only, or give ImageJ more memory (Edit > Options > Memory & Threads).");
    }

    private static String messageFor(Throwable error, String imageTitle, Activity activity, String outOfMemory) {
        if (causedBy(error, OutOfMemoryError.class)) {
            return outOfMemory;
        }
        if (error instanceof DenoiseException || error instanceof IllegalArgumentException) {
            return activity.cannot + " \"" + imageTitle + "\": " + error.getMessage();
        }
        return activity.doing + " \"" + imageTitle + "\" failed: " + error;
    }

    /** Reports a failed or cancelled denoising run (see {@link #report(Throwable, String, Activity, String)}). */
    static void report(Throwable error, String imageTitle, int tileSize) {
        report(error, imageTitle, Activity.DENOISE, messageFor(error, imageTitle, tileSize));
    }

    /** Reports a failed or cancelled training run; nothing was installed. */
    static void reportTraining(Throwable error, String imageTitle) {
        report(error, imageTitle, Activity.TRAIN, trainingMessageFor(error, imageTitle));
    }

    /** Shows {@code error} through {@link ErrorReport}: a dialog in the ImageJ window, else the Log. */
    private static void report(Throwable error, String imageTitle, Activity activity, String failure) {
        if (error instanceof CancelledException) {
            ErrorReport.cancelled(activity.command,
                    activity.doing + " \"" + imageTitle + "\" was cancelled; " + activity.nothingMade + ".");
        } else {
            ErrorReport.failure(activity.command, failure);
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
