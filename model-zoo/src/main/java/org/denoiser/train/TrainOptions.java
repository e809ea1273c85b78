package org.denoiser.train;

import java.nio.file.Path;

/** Parsed {@link TrainMain} arguments; {@code steps} is null when the preset's default applies. */
public record TrainOptions(String preset, Path out, Integer steps, Path mnistDir, int reportEvery) {

    static final String USAGE = "usage: TrainMain --preset NAME --out DIR [--steps N] [--data MNIST_DIR]"
            + " [--report-every N]; presets: " + Presets.names();

    public static TrainOptions parse(String... args) {
        String preset = null;
        Path out = null;
        Integer steps = null;
        Path mnistDir = MnistDigits.defaultCacheDir();
        int reportEvery = 50;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i] + "; " + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--preset" -> preset = value;
                case "--out" -> out = Path.of(value);
                case "--steps" -> steps = positive("--steps", value);
                case "--data" -> mnistDir = Path.of(value);
                case "--report-every" -> reportEvery = positive("--report-every", value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (preset == null || out == null) {
            throw new IllegalArgumentException("--preset and --out are required; " + USAGE);
        }
        return new TrainOptions(preset, out, steps, mnistDir, reportEvery);
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a positive whole number, got '" + value + "'", e);
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, got '" + value + "'");
    }
}
