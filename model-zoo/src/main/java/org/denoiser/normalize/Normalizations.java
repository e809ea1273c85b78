package org.denoiser.normalize;

import net.imglib2.IterableInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.api.ModelNormalization;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Chooses the {@link Normalization} for an image, by the rule its model states for the image's
 * pixel type ({@link ModelNormalization}, the {@code normalization} of {@code model.json}). What
 * follows is the default every shipped model states.
 *
 * <p>8-bit images use the fixed map 0..255 to 0..1: that is the range the networks were trained
 * on, and a fixed map keeps results independent of image content (and the published-protocol
 * numbers unchanged). 16-bit and float images have no natural range. Their 0.1th percentile maps
 * to 0.2 and their 99.9th to 0.8 ({@link Normalization#withHeadroom}), but that span is capped at
 * 50 times the image's noise ({@link NoiseLevel}): a star field
 * with a 1e5:1 range would otherwise shrink the sky's noise far below what the networks can see
 * (they make errors of about 1/1000 of their range on their own), and the sky would come back
 * thousands of electrons off. What lies above the span, the cores of bright stars and cells,
 * passes around the network unchanged. MODELS.md ("Bright sources and flat fields") has the
 * measurements behind these choices. For a stack, pass the whole stack: one mapping for all
 * planes keeps brightness consistent over time.
 */
public final class Normalizations {
    public static final double DEFAULT_LOW_PERCENT = ModelNormalization.PercentileHeadroom.DEFAULT.lowPercentile();
    public static final double DEFAULT_HIGH_PERCENT = ModelNormalization.PercentileHeadroom.DEFAULT.highPercentile();
    /**
     * Widest span from low to high, in noise standard deviations: the noise then reaches the
     * network at 0.6/50 = 0.012 of its range (3 gray levels of 255), which it removes well.
     * Measured against 100 (worse flux on faint stars) and 30 (more of each source passed through).
     */
    public static final double MAX_SPAN_IN_NOISE_SIGMAS = ModelNormalization.PercentileHeadroom.DEFAULT.maxSpanInNoiseSigmas();
    /** NaN pixels of a fixed-range image reach the network as mid-gray. */
    private static final float FIXED_FILL = 0.5f;

    private Normalizations() {
    }

    /**
     * The normalization every model had before models stated theirs ({@link ModelNormalization#DEFAULT}):
     * fixed for 8-bit; for 16-bit unsigned, 32-bit float and 64-bit float, percentiles with
     * headroom and a span capped by the noise.
     *
     * @throws UnsupportedPixelTypeException for any other pixel type
     */
    public static Normalization fit(IterableInterval<? extends RealType<?>> image) {
        return fit(image, ModelNormalization.DEFAULT);
    }

    /**
     * The normalization a model states for {@code image}'s pixel type: its {@code uint8}, {@code
     * uint16} or {@code floating} rule, fitted to the image where the rule is fitted.
     *
     * @throws UnsupportedPixelTypeException for a pixel type no rule covers
     */
    public static Normalization fit(IterableInterval<? extends RealType<?>> image, ModelNormalization model) {
        return fit(image, ruleFor(image.firstElement(), model));
    }

    /**
     * {@code rule} fitted to {@code image}, whatever its pixel type: for data held in another type
     * than it was measured in, such as 8-bit values in floats ({@code eval}).
     */
    public static Normalization fit(IterableInterval<? extends RealType<?>> image, ModelNormalization.Rule rule) {
        if (rule instanceof ModelNormalization.FixedRange range) {
            return new Normalization(range.min(), range.max(), FIXED_FILL);
        }
        ModelNormalization.PercentileHeadroom headroom = (ModelNormalization.PercentileHeadroom) rule;
        Normalization percentiles = fitPercentiles(image, headroom.lowPercentile(), headroom.highPercentile());
        double noise = noiseOf(image);
        // The estimate is kept with the map: the Denoiser needs the same figure again for a single
        // plane's flux restoration, and reading the plane a second time takes seconds on a large one.
        return withHeadroom(percentiles, noise, headroom).withNoiseSigma(noise);
    }

    private static ModelNormalization.Rule ruleFor(RealType<?> type, ModelNormalization model) {
        if (type instanceof UnsignedByteType) {
            return model.uint8();
        }
        if (type instanceof UnsignedShortType) {
            return model.uint16();
        }
        if (type instanceof FloatType || type instanceof DoubleType) {
            return model.floating();
        }
        throw new UnsupportedPixelTypeException("Images of pixel type "
                + type.getClass().getSimpleName() + " cannot be denoised; convert to 8-bit, "
                + "16-bit (unsigned) or 32-bit (float) first");
    }

    /**
     * {@code plain}'s low and high with headroom ({@link Normalization#withHeadroom}), the span
     * shortened to {@link #MAX_SPAN_IN_NOISE_SIGMAS} times {@code noiseSigma} if it is wider; a
     * {@code noiseSigma} of 0 or NaN (unknown) leaves the span as it is.
     */
    public static Normalization withHeadroom(Normalization plain, double noiseSigma) {
        return withHeadroom(plain, noiseSigma, ModelNormalization.PercentileHeadroom.DEFAULT);
    }

    /** As {@link #withHeadroom(Normalization, double)} with a model's targets and span cap (0: no cap). */
    private static Normalization withHeadroom(Normalization plain, double noiseSigma,
            ModelNormalization.PercentileHeadroom rule) {
        double high = plain.high();
        if (noiseSigma > 0 && rule.maxSpanInNoiseSigmas() > 0) {
            high = Math.min(high, plain.low() + rule.maxSpanInNoiseSigmas() * noiseSigma);
        }
        // The fill (median) is re-expressed for the new span, so NaN pixels still look typical.
        double median = plain.inverse(plain.fill());
        float fill = new Normalization(plain.low(), high, 0).forward(median);
        return Normalization.withHeadroom(plain.low(), high, Math.max(-0.3f, Math.min(1.2f, fill)), rule.targetLow(),
                rule.targetHigh(), rule.passAbove());
    }

    /**
     * Every image the front ends pass is random-access; anything else is fitted without the noise
     * cap (NaN: not measured, which {@link #withHeadroom} treats as unknown).
     */
    @SuppressWarnings("unchecked")
    private static double noiseOf(IterableInterval<? extends RealType<?>> image) {
        return image instanceof RandomAccessibleInterval<?> pixels
                ? NoiseLevel.sigma((RandomAccessibleInterval<? extends RealType<?>>) pixels) : Double.NaN;
    }

    /**
     * Maps the {@code lowPercent} percentile to 0 and the {@code highPercent} one to 1, over all
     * finite pixels. If both are equal (for example a mostly flat image with a few spots), the
     * minimum and maximum are used instead; a completely flat image maps with scale 1.
     */
    public static Normalization fitPercentiles(IterableInterval<? extends RealType<?>> image,
            double lowPercent, double highPercent) {
        if (!(0 <= lowPercent && lowPercent < highPercent && highPercent <= 100)) {
            throw new IllegalArgumentException("Need 0 <= low < high <= 100 percent, got "
                    + lowPercent + " and " + highPercent);
        }
        double[] p = Percentiles.of(image, 0, lowPercent, 50, highPercent, 100);
        if (Double.isNaN(p[2])) { // no finite pixel at all: any map will do
            return new Normalization(0, 0, 0);
        }
        boolean collapsed = p[3] <= p[1];
        double low = collapsed ? p[0] : p[1];
        double high = collapsed ? p[4] : p[3];
        float median = new Normalization(low, high, 0).forward(p[2]);
        return new Normalization(low, high, median);
    }
}
