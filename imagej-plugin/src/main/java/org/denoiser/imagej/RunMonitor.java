package org.denoiser.imagej;

import org.denoiser.api.NoiseLevelUsed;

/** Watches one denoising run: told how far it got, asked whether the user wants it stopped. */
public interface RunMonitor {
    RunMonitor NONE = new RunMonitor() {
        @Override
        public void progress(double fraction) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code fraction} (0..1) of the run is done; called after every tile, from any thread. */
    void progress(double fraction);

    /** Polled between tiles; once true, the run stops with a {@code CancelledException}. */
    boolean isCancelled();

    /** The noise level a conditioned model was told for one plane (blind models tell nothing). */
    default void noiseLevel(NoiseLevelUsed level) {
    }
}
