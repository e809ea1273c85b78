package org.denoiser.normalize;

import net.imglib2.IterableInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Chooses the {@link Normalization} for an image.
 *
 * <p>8-bit images use the fixed map 0..255 to 0..1: that is the range the networks were trained
 * on, and a fixed map keeps results independent of image content (and the published-protocol
 * numbers unchanged). 16-bit and float images have no natural range. Their 0.1th percentile maps
 * to 0.2 and their 99.9th to 0.8 ({@link Normalization#withHeadroom}), but that span is capped at
 * {@value #MAX_SPAN_IN_NOISE_SIGMAS} times the image's noise ({@link NoiseLevel}): a star field
 * with a 1e5:1 range would otherwise shrink the sky's noise far below what the networks can see
 * (they make errors of about 1/1000 of their range on their own), and the sky would come back
 * thousands of electrons off. What lies above the span, the cores of bright stars and cells,
 * passes around the network unchanged. MODELS.md ("Bright sources and flat fields") has the
 * measurements behind these choices. For a stack, pass the whole stack: one mapping for all
 * planes keeps brightness consistent over time.
 */
public final class Normalizations {
    public static final double DEFAULT_LOW_PERCENT = 0.1;
    public static final double DEFAULT_HIGH_PERCENT = 99.9;
    /**
     * Widest span from low to high, in noise standard deviations: the noise then reaches the
     * network at 0.6/50 = 0.012 of its range (3 gray levels of 255), which it removes well.
     * Measured against 100 (worse flux on faint stars) and 30 (more of each source passed through).
     */
    public static final double MAX_SPAN_IN_NOISE_SIGMAS = 50;

    private Normalizations() {
    }

    /**
     * The normalization for {@code image} by pixel type: fixed for 8-bit; for 16-bit unsigned,
     * 32-bit float and 64-bit float, percentiles with headroom and a span capped by the noise.
     *
     * @throws UnsupportedPixelTypeException for any other pixel type
     */
    public static Normalization fit(IterableInterval<? extends RealType<?>> image) {
        RealType<?> type = image.firstElement();
        if (type instanceof UnsignedByteType) {
            return Normalization.FIXED_8BIT;
        }
        if (type instanceof UnsignedShortType || type instanceof FloatType
                || type instanceof DoubleType) {
            Normalization percentiles = fitPercentiles(image, DEFAULT_LOW_PERCENT, DEFAULT_HIGH_PERCENT);
            return withHeadroom(percentiles, noiseOf(image));
        }
        throw new UnsupportedPixelTypeException("Images of pixel type "
                + type.getClass().getSimpleName() + " cannot be denoised; convert to 8-bit, "
                + "16-bit (unsigned) or 32-bit (float) first");
    }

    /**
     * {@code plain}'s low and high with headroom ({@link Normalization#withHeadroom}), the span
     * shortened to {@link #MAX_SPAN_IN_NOISE_SIGMAS} times {@code noiseSigma} if it is wider; a
     * {@code noiseSigma} of 0 (unknown) leaves the span as it is.
     */
    public static Normalization withHeadroom(Normalization plain, double noiseSigma) {
        double high = plain.high();
        if (noiseSigma > 0) {
            high = Math.min(high, plain.low() + MAX_SPAN_IN_NOISE_SIGMAS * noiseSigma);
        }
        // The fill (median) is re-expressed for the new span, so NaN pixels still look typical.
        double median = plain.inverse(plain.fill());
        float fill = new Normalization(plain.low(), high, 0).forward(median);
        return Normalization.withHeadroom(plain.low(), high, Math.max(-0.3f, Math.min(1.2f, fill)));
    }

    /** Every image the front ends pass is random-access; anything else is fitted without the noise cap. */
    @SuppressWarnings("unchecked")
    private static double noiseOf(IterableInterval<? extends RealType<?>> image) {
        return image instanceof RandomAccessibleInterval<?> pixels
                ? NoiseLevel.sigma((RandomAccessibleInterval<? extends RealType<?>>) pixels) : 0;
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
