package org.denoiser.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How a model wants pixels scaled into its range, per pixel type, as its {@code model.json} states
 * it (the {@code normalization} object). The {@code Denoiser} follows it for every image; {@code
 * org.denoiser.normalize} turns a rule into the map for one image.
 *
 * <p>{@link #DEFAULT} is what every model before this contract was fed, and what a manifest that
 * still gives the normalization as a sentence gets: 8-bit images {@code 0..255 -> 0..1}; 16-bit and
 * float images the 0.1th and 99.9th percentiles to 0.2 and 0.8, pixels beyond 0.95 passed around
 * the network, the span capped at 50 times the image's noise.
 *
 * @param uint8 the rule for 8-bit images (gray or each colour channel)
 * @param uint16 the rule for unsigned 16-bit images
 * @param floating the rule for 32- and 64-bit float images (FITS integers are read as floats too)
 */
public record ModelNormalization(Rule uint8, Rule uint16, Rule floating) {

    /** Today's behaviour: see the class comment. */
    public static final ModelNormalization DEFAULT = new ModelNormalization(new FixedRange(0, 255),
            PercentileHeadroom.DEFAULT, PercentileHeadroom.DEFAULT);

    public ModelNormalization {
        if (uint8 == null || uint16 == null || floating == null) {
            throw new IllegalArgumentException("a normalization needs a rule for uint8, uint16 and floating images");
        }
    }

    /**
     * One line for listings, pixel types with the same rule together, e.g. {@code uint8: fixed-range
     * 0..255 -> 0..1; uint16, floating: percentile-headroom ...}.
     */
    public String summary() {
        Map<Rule, List<String>> typesByRule = new LinkedHashMap<>();
        typesByRule.computeIfAbsent(uint8, r -> new ArrayList<>()).add("uint8");
        typesByRule.computeIfAbsent(uint16, r -> new ArrayList<>()).add("uint16");
        typesByRule.computeIfAbsent(floating, r -> new ArrayList<>()).add("floating");
        StringJoiner text = new StringJoiner("; ");
        typesByRule.forEach((rule, types) -> text.add(String.join(", ", types) + ": " + rule.summary()));
        return text.toString();
    }

    /** One way of scaling an image; {@link #kind()} is its name in {@code model.json}. */
    public sealed interface Rule permits FixedRange, PercentileHeadroom {
        String kind();

        /** The rule in a few words, numbers included. */
        String summary();
    }

    /**
     * The same linear map for every image: {@code min -> 0}, {@code max -> 1}, every pixel through
     * the network (8-bit photographs: {@code 0..255}).
     *
     * @param kind always {@link #KIND} (a component so that it is written to {@code model.json})
     */
    public record FixedRange(String kind, double min, double max) implements Rule {
        public static final String KIND = "fixed-range";

        public FixedRange {
            if (!KIND.equals(kind)) {
                throw new IllegalArgumentException("a fixed range has kind " + KIND + ", got " + kind);
            }
            if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
                throw new IllegalArgumentException("a fixed range needs finite min < max, got " + min + " and " + max);
            }
        }

        public FixedRange(double min, double max) {
            this(KIND, min, max);
        }

        @Override
        public String summary() {
            return KIND + " " + number(min) + ".." + number(max) + " -> 0..1";
        }
    }

    /**
     * A map fitted to each image (one per channel for a whole stack): the {@code lowPercentile} to
     * {@code targetLow} and the {@code highPercentile} to {@code targetHigh}, the span from low to
     * high at most {@code maxSpanInNoiseSigmas} times the image's noise (0: no cap); pixels whose
     * input lands beyond {@code passAbove} (or below a quarter of {@code targetLow}) keep their
     * measured values.
     *
     * @param kind always {@link #KIND} (a component so that it is written to {@code model.json})
     */
    public record PercentileHeadroom(String kind, double lowPercentile, double highPercentile, double targetLow,
            double targetHigh, double passAbove, double maxSpanInNoiseSigmas) implements Rule {
        public static final String KIND = "percentile-headroom";
        /** What {@code org.denoiser.normalize} has done for 16/32-bit images since the headroom was measured. */
        public static final PercentileHeadroom DEFAULT = new PercentileHeadroom(0.1, 99.9, 0.2, 0.8, 0.95, 50);

        public PercentileHeadroom {
            if (!KIND.equals(kind)) {
                throw new IllegalArgumentException("a percentile headroom has kind " + KIND + ", got " + kind);
            }
            if (!(0 <= lowPercentile && lowPercentile < highPercentile && highPercentile <= 100)) {
                throw new IllegalArgumentException("need 0 <= lowPercentile < highPercentile <= 100, got "
                        + lowPercentile + " and " + highPercentile);
            }
            // targetLow > 0: the correction fades out below it, so there must be room below it
            if (!(0 < targetLow && targetLow < targetHigh && targetHigh < passAbove && passAbove <= 1)) {
                throw new IllegalArgumentException("need 0 < targetLow < targetHigh < passAbove <= 1, got " + targetLow
                        + ", " + targetHigh + " and " + passAbove);
            }
            if (!(maxSpanInNoiseSigmas >= 0 && Double.isFinite(maxSpanInNoiseSigmas))) {
                throw new IllegalArgumentException("maxSpanInNoiseSigmas must be finite and >= 0, got "
                        + maxSpanInNoiseSigmas);
            }
        }

        public PercentileHeadroom(double lowPercentile, double highPercentile, double targetLow, double targetHigh,
                double passAbove, double maxSpanInNoiseSigmas) {
            this(KIND, lowPercentile, highPercentile, targetLow, targetHigh, passAbove, maxSpanInNoiseSigmas);
        }

        @Override
        public String summary() {
            return KIND + " " + number(lowPercentile) + ".." + number(highPercentile) + " % -> " + number(targetLow)
                    + ".." + number(targetHigh) + ", kept as measured above " + number(passAbove)
                    + (maxSpanInNoiseSigmas > 0 ? ", span at most " + number(maxSpanInNoiseSigmas) + " noise sigmas" : "");
        }
    }

    /** A number as a person reads it: 255, not 255.0; 0.2157, not 0.21568627450980393. */
    static String number(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
