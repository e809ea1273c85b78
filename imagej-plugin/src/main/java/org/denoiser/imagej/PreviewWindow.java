package org.denoiser.imagej;

import ij.ImagePlus;
import ij.gui.ImageWindow;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.denoiser.api.CancelledException;

/**
 * The dialog's preview: the plane on display, denoised with the dialog's current settings, in a
 * window of its own beside the original (which stays untouched). Computed off the dialog's thread; a newer
 * request cancels the one in progress. Closed when the dialog closes.
 */
final class PreviewWindow implements AutoCloseable {
    private static final int GAP = 8;

    private final ImagePlus original;
    private final ImagePlusDenoiser denoiser;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "denoise-preview");
        t.setDaemon(true);
        return t;
    });
    private volatile ImagePlus shown;
    private Request current;

    PreviewWindow(ImagePlus original, ImagePlusDenoiser denoiser) {
        this.original = original;
        this.denoiser = denoiser;
    }

    /** Starts (again) denoising the plane on display with {@code options}. */
    synchronized void update(DenoiseOptions options) {
        cancelPending();
        Request request = new Request();
        current = request;
        DenoiseOptions planeOnly = options.planeOnly();
        worker.submit(() -> compute(request, planeOnly));
    }

    /** Stops any computation and closes the preview window. */
    @Override
    public synchronized void close() {
        cancelPending();
        worker.shutdown();
        if (shown != null) {
            shown.changes = false;
            shown.close();
            shown = null;
        }
    }

    private void compute(Request request, DenoiseOptions options) {
        try {
            ImagePlus result = denoiser.denoise(original, options, request);
            show(request, result);
        } catch (CancelledException e) {
            // superseded by a newer request or the dialog closed: nothing to show
        } catch (RuntimeException | OutOfMemoryError e) {
            UserErrors.report(e, original.getTitle(), options.tileSize());
        }
    }

    private synchronized void show(Request request, ImagePlus result) {
        if (request != current) {
            return;
        }
        String title = original.getTitle() + " (denoise preview)";
        if (shown != null && shown.isVisible()) {
            shown.setProcessor(result.getProcessor());
            shown.updateAndDraw();
        } else {
            result.setTitle(title);
            shown = result;
            shown.show();
            placeBesideOriginal();
            // Again once the window events queued by show() have run: on a busy machine ImageJ may
            // still be creating or placing the window when show() returns (then x is its default).
            EventQueue.invokeLater(this::placeBesideOriginal);
        }
    }

    /** To the right of the original (or below it if the screen ends), so both can be compared. */
    private void placeBesideOriginal() { // not synchronized: it also runs on the event thread
        ImageWindow from = original.getWindow();
        ImagePlus preview = shown;
        ImageWindow to = preview == null ? null : preview.getWindow();
        if (from == null || to == null) {
            return;
        }
        Rectangle screen = from.getGraphicsConfiguration().getBounds();
        int x = from.getX() + from.getWidth() + GAP;
        if (x + to.getWidth() <= screen.x + screen.width) {
            to.setLocation(x, from.getY());
        } else {
            to.setLocation(from.getX(), Math.min(from.getY() + from.getHeight() + GAP, screen.y + screen.height - to.getHeight()));
        }
    }

    private void cancelPending() {
        if (current != null) {
            current.cancelled = true;
            current = null;
        }
    }

    /** One preview computation; the monitor is how a newer one stops it. */
    private static final class Request implements RunMonitor {
        volatile boolean cancelled;

        @Override
        public void progress(double fraction) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
