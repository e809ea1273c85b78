package org.denoiser.cli;

import java.io.PrintStream;
import org.denoiser.api.DenoiseProgress;

/**
 * A one-line progress display on a terminal ({@code \r}-rewritten), silent when output goes to a
 * file or pipe so logs stay clean.
 */
final class ProgressLine implements DenoiseProgress {
    private final PrintStream out;
    private final boolean enabled;
    private volatile String label = "";
    private volatile long lastPrint;

    ProgressLine(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    static ProgressLine onTerminal() {
        return new ProgressLine(System.err, System.console() != null);
    }

    void label(String text) {
        this.label = text;
    }

    @Override
    public void update(long done, long total) {
        long now = System.nanoTime();
        if (!enabled || (done < total && now - lastPrint < 100_000_000L)) {
            return;
        }
        lastPrint = now;
        synchronized (out) {
            out.printf("\r%s %3d%% (%d/%d tiles)", label, total == 0 ? 100 : done * 100 / total, done, total);
            if (done == total) {
                out.print("\r\033[K");
            }
            out.flush();
        }
    }
}
