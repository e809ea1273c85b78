package org.denoiser.imagej;

import ij.IJ;
import ij.gui.Plot;
import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.denoiser.api.CancelToken;
import org.denoiser.train.SelfSupervisedTraining;

/**
 * What the user sees of a training run: the progress bar, a status line (step, loss, time left),
 * and in the ImageJ window a live plot of the training and validation loss; headless, a Log line
 * now and then instead. Esc cancels: ImageJ only sets a flag when Esc is pressed, and training
 * reports every two seconds, so a watcher polls the flag and fires the cancel token at once.
 */
final class TrainingProgress implements SelfSupervisedTraining.Listener, AutoCloseable {
    private static final long ESCAPE_POLL_MILLIS = 100;
    /** Headless runs write a Log line this often; every report (2 s) would flood a batch log. */
    private static final long LOG_EVERY_NANOS = 30_000_000_000L;

    private static final String TRAINING_LABEL = "training (mean since the last point)";
    private static final String VALIDATION_LABEL = "validation (fixed held-back patches)";

    private final String name;
    private final boolean window;
    private final CancelToken cancel = new CancelToken();
    private final ScheduledExecutorService escapeWatch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "train-escape-watch");
        t.setDaemon(true);
        return t;
    });
    private double[] steps = new double[0];
    private double[] losses = new double[0];
    private double[] validationLosses = new double[0];
    private Plot plot;
    private long lastLogged = System.nanoTime();

    /** @param name the model being trained, for the status line and the plot's title */
    TrainingProgress(String name) {
        this.name = name;
        this.window = IJ.getInstance() != null;
        IJ.resetEscape(); // an Esc pressed before this run must not cancel it
        escapeWatch.scheduleWithFixedDelay(() -> {
            if (IJ.escapePressed()) {
                cancel.cancel();
            }
        }, ESCAPE_POLL_MILLIS, ESCAPE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        IJ.showStatus("Train " + name + ": preparing... (Esc cancels)");
    }

    /** Fired by Esc; hand it to the training run. */
    CancelToken cancelToken() {
        return cancel;
    }

    @Override
    public void progress(SelfSupervisedTraining.Progress p) {
        IJ.showProgress(p.fractionDone());
        String line = String.format(Locale.ROOT, "Train %s: step %d, loss %.5f (validation %.5f), %s left",
                name, p.step(), p.loss(), p.validationLoss(), timeLeft(p));
        IJ.showStatus(line + " (Esc cancels)");
        steps = append(steps, p.step());
        losses = append(losses, p.loss());
        validationLosses = append(validationLosses, p.validationLoss());
        if (window) {
            plotLosses();
        } else if (System.nanoTime() - lastLogged >= LOG_EVERY_NANOS) {
            IJ.log(String.format(Locale.ROOT, "%s, %.0f%% done", line, 100 * p.fractionDone()));
            lastLogged = System.nanoTime();
        }
    }

    /** Stops watching Esc; the plot window stays open for the user to look at. */
    @Override
    public void close() {
        escapeWatch.shutdownNow();
    }

    /** Extrapolated from the pace so far (the budget counts training time only). */
    private static String timeLeft(SelfSupervisedTraining.Progress p) {
        double f = p.fractionDone();
        long seconds = f > 0 ? Math.round(p.elapsedSeconds() * (1 - f) / f) : 0;
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private void plotLosses() {
        if (plot == null) {
            plot = new Plot("Training loss: denoise/" + name, "step", "masked loss");
            plot.setColor(Color.BLUE);
            plot.add("line", steps, losses);
            plot.setColor(Color.RED);
            plot.add("line", steps, validationLosses);
            plot.setColor(Color.BLACK);
            plot.addLegend(TRAINING_LABEL + "\t" + VALIDATION_LABEL);
            plot.show();
        } else {
            plot.setColor(Color.BLUE);
            plot.replace(0, "line", steps, losses);
            plot.setColor(Color.RED);
            plot.replace(1, "line", steps, validationLosses);
            // replace() drops an object's legend label
            plot.setPlotObjectLabel(0, TRAINING_LABEL);
            plot.setPlotObjectLabel(1, VALIDATION_LABEL);
            plot.setLimitsToFit(true); // also redraws the window
        }
    }

    private static double[] append(double[] values, double value) {
        double[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }
}
