package org.denoiser.noise;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Parses the noise specs of the command line. */
public final class NoiseModels {
    static final String VALID_FORMS = "gaussian:SIGMA (e.g. gaussian:25), "
            + "poisson-gauss:GAIN,READ_NOISE (e.g. poisson-gauss:2,5), "
            + "salt-pepper:DENSITY[,LOW,HIGH] (e.g. salt-pepper:0.05; LOW and HIGH default to "
            + "0 and 255)";

    private static final List<String> NAMES = List.of("gaussian", "poisson-gauss", "salt-pepper");

    /**
     * Largest noise level or gain accepted: far beyond any image's range, yet small enough that
     * noisy values (a few of these sizes away from the pixel) stay finite in 32-bit float pixels.
     */
    static final double MAX_LEVEL = 1e30;

    private NoiseModels() {
    }

    /**
     * @param spec one of {@code gaussian:SIGMA}, {@code poisson-gauss:GAIN,READ_NOISE},
     *     {@code salt-pepper:DENSITY[,LOW,HIGH]}; all values in image units
     * @throws IllegalArgumentException naming the problem and listing the valid forms
     */
    public static NoiseModel parse(String spec) {
        if (spec == null) {
            throw invalid("null", "no noise spec given");
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw invalid(spec, "missing ':' between the noise name and its parameters");
        }
        String name = spec.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw invalid(spec, "unknown noise '" + name + "'");
        }
        double[] p = numbers(spec, spec.substring(colon + 1));
        switch (name) {
            case "gaussian":
                requireCount(spec, p, 1);
                return build(spec, () -> new GaussianNoise(p[0]));
            case "poisson-gauss":
                requireCount(spec, p, 2);
                return build(spec, () -> new PoissonGaussianNoise(p[0], p[1]));
            case "salt-pepper":
                if (p.length == 1) {
                    return build(spec, () -> new SaltAndPepperNoise(p[0], 0, 255));
                }
                requireCount(spec, p, 3);
                return build(spec, () -> new SaltAndPepperNoise(p[0], p[1], p[2]));
            default:
                throw invalid(spec, "unknown noise '" + name + "'");
        }
    }

    /** Adds the spec and the valid forms to a model's own complaint about a parameter. */
    private static NoiseModel build(String spec, Supplier<NoiseModel> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw invalid(spec, e.getMessage());
        }
    }

    /**
     * Checks a noise level (sigma, gain, read noise) is a number from 0 (or above it) up to
     * {@link #MAX_LEVEL}, naming it in the complaint.
     */
    static void requireLevel(String what, double value, boolean zeroAllowed) {
        boolean inRange = zeroAllowed ? value >= 0 : value > 0;
        if (!inRange || !(value <= MAX_LEVEL)) {
            throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? ">= 0" : "> 0")
                    + " and at most " + MAX_LEVEL + ", got " + value);
        }
    }

    /** Shortest decimal form: 25 rather than 25.0, so specs read as typed. */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static double[] numbers(String spec, String list) {
        String[] parts = list.split(",", -1);
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw invalid(spec, "'" + parts[i].trim() + "' is not a number");
            }
        }
        return values;
    }

    private static void requireCount(String spec, double[] values, int count) {
        if (values.length != count) {
            throw invalid(spec, "expected " + count + " number(s), got " + values.length);
        }
    }

    private static IllegalArgumentException invalid(String spec, String problem) {
        return new IllegalArgumentException(
                "Invalid noise spec '" + spec + "': " + problem + ". Valid forms: " + VALID_FORMS);
    }
}
