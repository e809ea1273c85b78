package org.denoiser.normalize;

import net.imglib2.IterableInterval;
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
 * on, and a fixed map keeps results independent of image content. 16-bit and float images have
 * no natural range, so the 0.1th and 99.9th percentiles map to 0 and 1. Percentiles rather than
 * min/max, because a few hot pixels or a saturated spot would otherwise squeeze the real signal
 * into a small part of [0,1]; 0.1/99.9 rather than the 1/99.8 of CARE, because nothing is clipped
 * here, and a wider band keeps the bulk of the data closer to the 0..1 training range. For a
 * stack, pass the whole stack: one mapping for all planes keeps brightness consistent over time.
 */
public final class Normalizations {
    public static final double DEFAULT_LOW_PERCENT = 0.1;
    public static final double DEFAULT_HIGH_PERCENT = 99.9;

    private Normalizations() {
    }

    /**
     * The normalization for {@code image} by pixel type: fixed for 8-bit, percentiles for 16-bit
     * unsigned, 32-bit float and 64-bit float.
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
            return fitPercentiles(image, DEFAULT_LOW_PERCENT, DEFAULT_HIGH_PERCENT);
        }
        throw new UnsupportedPixelTypeException("Images of pixel type "
                + type.getClass().getSimpleName() + " cannot be denoised; convert to 8-bit, "
                + "16-bit (unsigned) or 32-bit (float) first");
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
