package org.denoiser.imagej;

import ij.Macro;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the user chose in the Train on this image... dialog, or wrote in a macro:
 * {@code run("Train on this image...", "name=my-cells minutes=5 init=denoise/poisson-gauss")}.
 *
 * @param name the new model's name; it is installed as {@code denoise/NAME}
 * @param minutes training time
 * @param init the model to fine-tune, or empty to start from scratch
 * @param wholeStack every plane of the image; otherwise only the plane on display (all its colours)
 * @param steps a step limit (macro only, {@code steps=N}): short reproducible runs, e.g. for tests
 */
public record TrainingOptions(String name, double minutes, Optional<String> init, boolean wholeStack, OptionalInt steps) {
    public static final double DEFAULT_MINUTES = 5;
    /** Fine-tuning the shipped microscopy model needs far less time than learning from nothing. */
    public static final String DEFAULT_INIT = "denoise/poisson-gauss";
    /** The choice that means "no model to start from". */
    public static final String SCRATCH = "scratch";
    public static final String WHOLE_STACK = "whole stack";
    public static final String CURRENT_PLANE = "current plane";

    static final String NAME_KEY = "name";
    static final String MINUTES_KEY = "minutes";
    static final String INIT_KEY = "init";
    static final String PLANES_KEY = "planes";
    static final String STEPS_KEY = "steps";
    /** Every key the macro options may hold. */
    static final List<String> KEYS = List.of(NAME_KEY + "=<name>", MINUTES_KEY + "=<minutes>", INIT_KEY + "=<id or scratch>",
            PLANES_KEY + "=[" + WHOLE_STACK + " or " + CURRENT_PLANE + "]", STEPS_KEY + "=<n>");

    private static final int MAX_NAME = 64;

    public TrainingOptions {
        if (!(minutes > 0) || Double.isInfinite(minutes)) {
            throw new IllegalArgumentException("the training time must be a positive number of minutes, got " + minutes);
        }
        if (steps.isPresent() && steps.getAsInt() <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps.getAsInt());
        }
    }

    /** The dialog's and the macro's "init" value: a model id, or {@link #SCRATCH}. */
    static Optional<String> initFrom(String choice) {
        return choice == null || choice.isBlank() || choice.equals(SCRATCH) ? Optional.empty() : Optional.of(choice);
    }

    Duration budget() {
        return Duration.ofMillis(Math.max(1, Math.round(minutes * 60_000)));
    }

    /**
     * Reads the options string of a macro's {@code run("Train on this image...", options)}, the
     * keys the dialog records. Read here rather than through a GenericDialog so that the macro also
     * runs headless. Missing keys take the dialog's defaults.
     */
    static TrainingOptions fromMacro(String options, String imageTitle) {
        MacroOptions.requireOnly(options, KEYS);
        String name = Macro.getValue(options, NAME_KEY, defaultName(imageTitle));
        double minutes = number(Macro.getValue(options, MINUTES_KEY, String.valueOf(DEFAULT_MINUTES)), MINUTES_KEY);
        String init = Macro.getValue(options, INIT_KEY, DEFAULT_INIT);
        String planes = Macro.getValue(options, PLANES_KEY, WHOLE_STACK);
        if (!planes.equals(WHOLE_STACK) && !planes.equals(CURRENT_PLANE)) {
            throw new IllegalArgumentException("planes=" + planes + " is not one of [" + WHOLE_STACK + "] or ["
                    + CURRENT_PLANE + "]");
        }
        String steps = Macro.getValue(options, STEPS_KEY, null);
        return new TrainingOptions(name, minutes, initFrom(init), planes.equals(WHOLE_STACK),
                steps == null ? OptionalInt.empty() : OptionalInt.of((int) number(steps, STEPS_KEY)));
    }

    /**
     * A valid model name from an image title: {@code "Cells 01.tif"} gives {@code cells-01}. Model
     * names are lower-case letters, digits, '.', '_' and '-' (they become folder names and ids).
     */
    static String defaultName(String imageTitle) {
        String base = imageTitle == null ? "" : imageTitle.replaceFirst("\\.[A-Za-z0-9]{1,4}$", "");
        String name = base.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[._-]+", "")
                .replaceAll("-+$", "");
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        return name.isEmpty() ? "my-model" : name;
    }

    private static double number(String text, String key) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + text + " is not a number", e);
        }
    }
}
