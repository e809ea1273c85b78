package org.denoiser.zoo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Set;
import java.util.function.Supplier;
import org.denoiser.api.ModelNormalization;
import org.denoiser.api.ModelNormalization.FixedRange;
import org.denoiser.api.ModelNormalization.PercentileHeadroom;
import org.denoiser.api.ModelNormalization.Rule;
import org.denoiser.api.NoiseRanges;

/**
 * The parts of {@code model.json} that say how to feed a model: {@code info.normalization} and
 * {@code info.noise}. Kept apart from {@link ManifestParser} (which it uses for the checks every
 * field gets) because these are nested objects with a kind each, and the denoiser computes with
 * their numbers: every number is range-checked here, and the rules between numbers (low below
 * high) by the records themselves, reported as the field that breaks them.
 *
 * <p>Manifests written before this contract give the normalization as a sentence; any string
 * there means {@link ModelNormalization#DEFAULT}, which is what every such model was fed.
 */
final class ContractParser {
    private static final Set<String> PIXEL_TYPES = Set.of("uint8", "uint16", "floating");
    private static final Set<String> FIXED_RANGE_FIELDS = Set.of("kind", "min", "max");
    private static final Set<String> HEADROOM_FIELDS = Set.of("kind", "lowPercentile", "highPercentile", "targetLow",
            "targetHigh", "passAbove", "maxSpanInNoiseSigmas");
    private static final Set<String> RULE_KINDS = Set.of(FixedRange.KIND, PercentileHeadroom.KIND);
    private static final Set<String> GAUSSIAN_FIELDS = Set.of("kind", "sigma");
    private static final Set<String> POISSON_GAUSSIAN_FIELDS = Set.of("kind", "shot", "read");
    private static final Set<String> NOISE_KINDS = Set.of(NoiseRanges.GAUSSIAN, NoiseRanges.POISSON_GAUSSIAN);
    private static final Set<String> RANGE_FIELDS = Set.of("min", "max");
    /** Pixel values beyond this are not measurements (the command line refuses them as noise levels too). */
    private static final double MAX_PIXEL_VALUE = 1e30;
    /** Noise stds in the network's 0..1 units, as for the conditioning. */
    private static final double MAX_LEVEL = 10;
    private static final double MAX_SPAN_SIGMAS = 1e6;

    private final ManifestParser parser;

    ContractParser(ManifestParser parser) {
        this.parser = parser;
    }

    /** {@code info.normalization}: a rule per pixel type, or a legacy sentence. */
    ModelNormalization normalization(JsonObject info) {
        JsonElement element = parser.required(info, "normalization", "info.");
        if (element instanceof JsonPrimitive p && p.isString()) {
            parser.text(info, "normalization", "info.", true); // still checked: it may be printed
            return ModelNormalization.DEFAULT;
        }
        String prefix = "info.normalization";
        if (!element.isJsonObject()) {
            throw parser.fail("field '" + prefix + "' must be a JSON object with a rule per pixel type (uint8, uint16,"
                    + " floating), or a sentence as older versions wrote");
        }
        JsonObject rules = element.getAsJsonObject();
        parser.onlyKnownFields(rules, PIXEL_TYPES, prefix + ".");
        return new ModelNormalization(rule(rules, "uint8"), rule(rules, "uint16"), rule(rules, "floating"));
    }

    private Rule rule(JsonObject rules, String pixelType) {
        String name = "info.normalization." + pixelType;
        JsonObject rule = parser.object(parser.required(rules, pixelType, "info.normalization."), name);
        String prefix = name + ".";
        String kind = parser.text(rule, "kind", prefix, true);
        if (FixedRange.KIND.equals(kind)) {
            parser.onlyKnownFields(rule, FIXED_RANGE_FIELDS, prefix);
            double min = parser.decimal(rule, "min", prefix, -MAX_PIXEL_VALUE, MAX_PIXEL_VALUE);
            double max = parser.decimal(rule, "max", prefix, -MAX_PIXEL_VALUE, MAX_PIXEL_VALUE);
            return checked(name, () -> new FixedRange(min, max));
        }
        if (PercentileHeadroom.KIND.equals(kind)) {
            parser.onlyKnownFields(rule, HEADROOM_FIELDS, prefix);
            double low = parser.decimal(rule, "lowPercentile", prefix, 0, 100);
            double high = parser.decimal(rule, "highPercentile", prefix, 0, 100);
            double targetLow = parser.decimal(rule, "targetLow", prefix, 0, 1);
            double targetHigh = parser.decimal(rule, "targetHigh", prefix, 0, 1);
            double passAbove = parser.decimal(rule, "passAbove", prefix, 0, 1);
            double span = parser.decimal(rule, "maxSpanInNoiseSigmas", prefix, 0, MAX_SPAN_SIGMAS);
            return checked(name, () -> new PercentileHeadroom(low, high, targetLow, targetHigh, passAbove, span));
        }
        throw parser.field(prefix + "kind", "must be one of " + RULE_KINDS, kind);
    }

    /** The optional {@code info.noise}; {@code null} when the manifest does not state it. */
    NoiseRanges noise(JsonObject info) {
        JsonElement element = info.get("noise");
        if (element == null || element.isJsonNull()) {
            return null;
        }
        String prefix = "info.noise.";
        JsonObject noise = parser.object(element, "info.noise");
        String kind = parser.text(noise, "kind", prefix, true);
        if (NoiseRanges.GAUSSIAN.equals(kind)) {
            parser.onlyKnownFields(noise, GAUSSIAN_FIELDS, prefix);
            NoiseRanges.Range sigma = range(noise, "sigma");
            return checked("info.noise", () -> NoiseRanges.gaussian(sigma.min(), sigma.max()));
        }
        if (NoiseRanges.POISSON_GAUSSIAN.equals(kind)) {
            parser.onlyKnownFields(noise, POISSON_GAUSSIAN_FIELDS, prefix);
            NoiseRanges.Range shot = range(noise, "shot");
            NoiseRanges.Range read = range(noise, "read");
            return checked("info.noise", () -> NoiseRanges.poissonGaussian(shot, read));
        }
        throw parser.field(prefix + "kind", "must be one of " + NOISE_KINDS, kind);
    }

    private NoiseRanges.Range range(JsonObject noise, String name) {
        String field = "info.noise." + name;
        JsonObject range = parser.object(parser.required(noise, name, "info.noise."), field);
        parser.onlyKnownFields(range, RANGE_FIELDS, field + ".");
        double min = parser.decimal(range, "min", field + ".", 0, MAX_LEVEL);
        double max = parser.decimal(range, "max", field + ".", 0, MAX_LEVEL);
        return checked(field, () -> new NoiseRanges.Range(min, max));
    }

    /** Builds a value whose numbers are each in range but may break a rule between them (min below max). */
    private <T> T checked(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw parser.fail("field '" + field + "' is inconsistent: " + e.getMessage());
        }
    }
}
