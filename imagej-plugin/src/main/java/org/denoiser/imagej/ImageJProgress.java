package org.denoiser.imagej;

import ij.IJ;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.denoiser.api.NoiseLevelUsed;

/**
 * ImageJ's progress bar and status line for one run ("Denoise: 12/100 planes, 3.4 planes/s"),
 * and Esc as cancel: ImageJ sets a flag when Esc is pressed, which is polled between tiles.
 */
final class ImageJProgress implements RunMonitor {
    private static final long STATUS_INTERVAL_NANOS = 200_000_000L;

    private final long planes;
    private final long start = System.nanoTime();
    private volatile long lastStatus;
    private final List<NoiseLevelUsed> levels = new ArrayList<>();

    ImageJProgress(long planes) {
        this.planes = planes;
        IJ.resetEscape(); // an Esc pressed before this run must not cancel it
    }

    @Override
    public void progress(double fraction) {
        IJ.showProgress(fraction);
        long now = System.nanoTime();
        if (fraction < 1 && now - lastStatus < STATUS_INTERVAL_NANOS) {
            return;
        }
        lastStatus = now;
        double seconds = (now - start) / 1e9;
        double planesDone = fraction * planes;
        IJ.showStatus(String.format(Locale.ROOT, "Denoise: %.0f/%d planes, %.1f planes/s (Esc cancels)",
                Math.floor(planesDone), planes, seconds > 0 ? planesDone / seconds : 0));
    }

    @Override
    public boolean isCancelled() {
        return IJ.escapePressed();
    }

    @Override
    public synchronized void noiseLevel(NoiseLevelUsed level) {
        levels.add(level);
    }

    /** The levels told to a conditioned model in this run, for the Log ("" for blind models). */
    synchronized String noiseLevels() {
        return levels.isEmpty() ? "" : "; " + NoiseLevelUsed.summary(levels);
    }
}
