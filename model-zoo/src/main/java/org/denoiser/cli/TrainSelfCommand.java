package org.denoiser.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.denoiser.io.ImageCodec;
import org.denoiser.train.NoisyPlanes;
import org.denoiser.train.SelfSupervisedTraining;
import org.denoiser.train.UserModelTrainer;
import org.denoiser.zoo.UserModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code denoiser train-self}: learns a denoiser from the user's own noisy images (no clean
 * images) and installs it as {@code denoise/NAME} among the user's models.
 */
@Command(name = "train-self", description = {
    "Train a model on your own noisy images, no clean images needed (self-supervised, Noise2Void-style),",
    "and install it as denoise/NAME in your models folder, for 'denoise', the ImageJ plugin and the worker."})
final class TrainSelfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Noisy images or stacks (PNG, TIFF, FITS); each channel is used as gray planes.")
    List<Path> inputs;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Name of the new model (installed as denoise/NAME).")
    String name;

    @Option(names = "--minutes", defaultValue = "10", paramLabel = "M", description = "Training time. Default: ${DEFAULT-VALUE}.")
    double minutes;

    @Option(names = "--steps", paramLabel = "N", description = "Stop after N steps even if time is left.")
    Integer steps;

    @Option(names = "--init", paramLabel = "ID",
            description = "Fine-tune this model (e.g. denoise/poisson-gauss) instead of starting from scratch.")
    String init;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "TensorFlow threads; 0 = all cores. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seed", defaultValue = "20261124", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        UserModels.checkName(name); // before reading what may be gigabytes of input
        NoisyPlanes data = read(inputs);
        SelfSupervisedTraining.Builder settings = SelfSupervisedTraining.builder()
                .budget(Duration.ofMillis(Math.round(minutes * 60_000)))
                .threads(threads)
                .seed(seed)
                .listener(new ProgressPrinter(System.err, System.console() != null));
        if (steps != null) {
            settings.maxSteps(steps);
        }
        UserModelTrainer.Installed installed = UserModelTrainer.standard()
                .trainAndInstall(name, Optional.ofNullable(init), data, settings);
        PrintWriter out = spec.commandLine().getOut();
        out.println(installed.summary());
        out.println("installed " + installed.info().id() + " in " + installed.folder() + "; use it with: denoiser denoise --model "
                + installed.info().id() + " ...");
        return 0;
    }

    private static NoisyPlanes read(List<Path> files) {
        ImageCodec codec = ImageCodec.defaults();
        NoisyPlanes planes = new NoisyPlanes();
        for (Path file : files) {
            planes.add(codec.read(file), file.getFileName().toString());
        }
        return planes;
    }

    /** One rewritten line on a terminal; in a log, a line every 30 seconds. */
    private static final class ProgressPrinter implements SelfSupervisedTraining.Listener {
        private static final long LOG_EVERY_NANOS = 30_000_000_000L;
        private final PrintStream out;
        private final boolean terminal;
        private long lastLogged;

        ProgressPrinter(PrintStream out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public void progress(SelfSupervisedTraining.Progress p) {
            String line = String.format(Locale.ROOT, "train-self %3.0f%%  step %d  %.0f s  loss %.5f  validation %.5f",
                    100 * p.fractionDone(), p.step(), p.elapsedSeconds(), p.loss(), p.validationLoss());
            long now = System.nanoTime();
            if (terminal) {
                out.print("\r" + line + (p.fractionDone() >= 1 ? "\n" : ""));
                out.flush();
            } else if (now - lastLogged >= LOG_EVERY_NANOS || p.fractionDone() >= 1) {
                out.println(line);
                lastLogged = now;
            }
        }
    }
}
