package org.denoiser.normalize;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.denoiser.tiling.PlaneRows;
import org.denoiser.tiling.RowSink;
import org.denoiser.tiling.RowSource;

/**
 * A linear map from an image's own units to the network's [0,1] range, {@code low -> base} and
 * {@code high -> top}, and back. The plain form ({@code base 0, top 1}, nothing passed around the
 * network) is exactly invertible up to float rounding; it is what 8-bit images use.
 *
 * <p>With headroom ({@link #withHeadroom}), {@code low} and {@code high} land at 0.2 and 0.8,
 * leaving room on both sides: the shipped networks lift values near 0 (a sky at 0.003 came back
 * 60 % too bright) and invent plateaus above about 1. Pixels that still fall outside are never
 * pushed into the network's range: it sees them clamped to [0,1], and {@link #inverse(float,
 * double)} returns their original value, fading the network's correction out between
 * {@code top} and {@code passAbove} (and between {@code base / 2} and {@code base / 4} at the
 * bottom), so the brightest stars and cells
 * keep their measured values and flux exactly, noise included. See MODELS.md, "Bright sources
 * and flat fields", for the measurements behind the numbers.
 *
 * <p>NaN and ±Inf pixels must not reach the network (one NaN would spread over the whole
 * receptive field), so {@link #forward} replaces them by {@code fill}, a typical normalized value
 * of the image (its median). {@link #inverseInto} puts the original NaN/±Inf back at the same
 * positions.
 *
 * @param low image value mapped to {@code base}
 * @param high image value mapped to {@code top}; equal to {@code low} for a flat image, which then
 *     maps with scale 1 instead of dividing by zero
 * @param fill normalized value fed to the network in place of NaN and ±Inf
 * @param base normalized value of {@code low}
 * @param top normalized value of {@code high}, above {@code base}
 * @param passAbove normalized value from which a pixel is passed around the network unchanged
 *     ({@code +Infinity}: never; the plain map)
 * @param noiseSigma the noise standard deviation, in image units, measured ({@link NoiseLevel}) on
 *     the image this map was fitted to, or NaN when none was measured (fixed maps, maps built by
 *     hand). It lets a caller that needs the noise of that same image skip a second estimate.
 */
public record Normalization(double low, double high, float fill, double base, double top, double passAbove,
        double noiseSigma) {
    /** 8-bit images: the fixed map 0..255 to 0..1, the range the networks were trained on. */
    public static final Normalization FIXED_8BIT = new Normalization(0, 255, 0.5f);

    /** Image units unchanged: {@link #inverseInto} then only rounds and clamps to the target type. */
    public static final Normalization IDENTITY = new Normalization(0, 1, 0f);

    /** Where a headroom map puts {@code low} and {@code high}. */
    public static final double HEADROOM_BASE = 0.2;
    public static final double HEADROOM_TOP = 0.8;
    /** Network input beyond which a pixel is left as it was (the correction fades out from TOP). */
    public static final double HEADROOM_PASS_ABOVE = 0.95;

    public Normalization {
        if (!Double.isFinite(low) || !Double.isFinite(high) || high < low) {
            throw new IllegalArgumentException(
                    "Normalization needs finite low <= high, got " + low + " and " + high);
        }
        if (!Float.isFinite(fill)) {
            throw new IllegalArgumentException("Fill value must be finite, got " + fill);
        }
        if (!(Double.isFinite(base) && Double.isFinite(top) && base < top && passAbove > top)) {
            throw new IllegalArgumentException("Normalization needs finite base < top < passAbove, got "
                    + base + ", " + top + " and " + passAbove);
        }
        if (!(Double.isNaN(noiseSigma) || (Double.isFinite(noiseSigma) && noiseSigma >= 0))) {
            throw new IllegalArgumentException("Measured noise must be finite and >= 0 (or NaN: not measured), got "
                    + noiseSigma);
        }
    }

    /** A map without a measured noise ({@link #noiseSigma} NaN). */
    public Normalization(double low, double high, float fill, double base, double top, double passAbove) {
        this(low, high, fill, base, top, passAbove, Double.NaN);
    }

    /** The plain map: {@code low -> 0}, {@code high -> 1}, every pixel through the network. */
    public Normalization(double low, double high, float fill) {
        this(low, high, fill, 0, 1, Double.POSITIVE_INFINITY);
    }

    /**
     * {@code low -> 0.2}, {@code high -> 0.8}; pixels beyond 0.95 (or below 0.05) pass around the
     * network unchanged. {@code fill} is in the plain map's units (0 at low, 1 at high).
     */
    public static Normalization withHeadroom(double low, double high, float fill) {
        return withHeadroom(low, high, fill, HEADROOM_BASE, HEADROOM_TOP, HEADROOM_PASS_ABOVE);
    }

    /** As {@link #withHeadroom(double, double, float)}, with {@code low -> base}, {@code high -> top} as a model states. */
    public static Normalization withHeadroom(double low, double high, float fill, double base, double top,
            double passAbove) {
        float fillWithHeadroom = (float) (base + (top - base) * fill);
        return new Normalization(low, high, fillWithHeadroom, base, top, passAbove);
    }

    /** This map, noting {@code sigma} as the noise measured on the image it was fitted to. */
    public Normalization withNoiseSigma(double sigma) {
        return new Normalization(low, high, fill, base, top, passAbove, sigma);
    }

    /** Whether {@link #noiseSigma} holds a measured value. */
    public boolean hasMeasuredNoise() {
        return !Double.isNaN(noiseSigma);
    }

    /** Whether some pixels may be passed around the network (false for the plain map). */
    public boolean hasHeadroom() {
        return passAbove != Double.POSITIVE_INFINITY;
    }

    /** Image units per normalized unit. */
    public double scale() {
        return high > low ? high - low : 1;
    }

    public float forward(double value) {
        if (!Double.isFinite(value)) {
            return fill;
        }
        if (!hasHeadroom()) {
            return (float) ((value - low) / scale());
        }
        return (float) Math.max(0, Math.min(1, unclamped(value)));
    }

    /** Network output back to image units, without looking at the pixel's original value. */
    public double inverse(float normalized) {
        if (!hasHeadroom()) {
            return normalized * scale() + low;
        }
        return (normalized - base) / (top - base) * scale() + low;
    }

    /**
     * Network output back to image units for a pixel whose value was {@code original} (finite):
     * as {@link #inverse(float)}, except near and beyond the ends of the network's range, where
     * the network's correction fades out and the original value is kept.
     */
    public double inverse(float normalized, double original) {
        if (!hasHeadroom()) {
            return inverse(normalized);
        }
        double t = unclamped(original);
        if (t > 1 || t < 0) {
            return original; // the network saw a clamped value: its output says nothing about this pixel
        }
        // The fade follows the network's estimate, not the noisy input: a noisy pixel of a bright
        // area that lands above TOP is still corrected when its estimate lies in range.
        double passBelow = base / 4; // and the fade starts at base / 2
        double fadeHigh = (passAbove - normalized) / (passAbove - top);
        double fadeLow = (normalized - passBelow) / (base / 2 - passBelow);
        double weight = Math.max(0, Math.min(1, Math.min(fadeHigh, fadeLow)));
        return weight == 1 ? inverse(normalized) : original + weight * (inverse(normalized) - original);
    }

    private double unclamped(double value) {
        return base + (top - base) * (value - low) / scale();
    }

    /** A lazy view of {@code image} in normalized units: no copy, computed on every read. */
    public RandomAccessibleInterval<FloatType> forwardView(
            RandomAccessibleInterval<? extends RealType<?>> image) {
        return Converters.convert(image, (in, out) -> out.set(forward(in.getRealDouble())),
                new FloatType());
    }

    /**
     * The tiler's input: {@code plane} in normalized units, read row by row (straight from the
     * backing array when there is one, see {@link PlaneRows}); same values as {@link #forwardView}.
     */
    public RowSource rowSource(RandomAccessibleInterval<? extends RealType<?>> plane) {
        return RowSource.of(plane, this::forward);
    }

    /**
     * The tiler's output: network values mapped back to image units and stored in {@code target}
     * as {@link #inverseInto} does, row by row, so no normalized copy of the whole plane is needed.
     */
    public <T extends RealType<T>> RowSink rowSink(RandomAccessibleInterval<? extends RealType<?>> original,
            RandomAccessibleInterval<T> target) {
        if (!Intervals.equalDimensions(original, target)) {
            throw new IllegalArgumentException("Original " + Intervals.toString(original) + " and target "
                    + Intervals.toString(target) + " must have the same size");
        }
        PlaneRows originalRows = PlaneRows.of(original);
        TargetRows targetRows = TargetRows.of(target);
        return (x, y, src, offset, length) -> {
            double[] values = new double[length];
            originalRows.get(x, y, values, length);
            for (int i = 0; i < length; i++) {
                if (Double.isFinite(values[i])) { // NaN and ±Inf stay as they are
                    values[i] = inverse(src[offset + i], values[i]);
                }
            }
            targetRows.set(x, y, values, length);
        };
    }

    /**
     * Maps network output back to image units and stores it in {@code target}: integer types are
     * rounded and clamped to their range (0..255, 0..65535); wherever {@code original} is NaN or
     * ±Inf, that same value is written instead.
     */
    public <T extends RealType<T>> void inverseInto(RandomAccessibleInterval<FloatType> normalized,
            RandomAccessibleInterval<? extends RealType<?>> original,
            RandomAccessibleInterval<T> target) {
        if (!Intervals.equalDimensions(normalized, target)
                || !Intervals.equalDimensions(original, target)) {
            throw new IllegalArgumentException("Normalized " + Intervals.toString(normalized)
                    + ", original " + Intervals.toString(original) + " and target "
                    + Intervals.toString(target) + " must have the same size");
        }
        int last = target.numDimensions() - 1;
        if (last > 1) { // plane by plane: row access works on 2-D planes
            for (long i = target.min(last); i <= target.max(last); i++) {
                inverseInto(Views.hyperSlice(normalized, last, i), Views.hyperSlice(original, last, i),
                        Views.hyperSlice(target, last, i));
            }
            return;
        }
        if (last < 1) { // a line is a plane one pixel high
            inverseInto(Views.addDimension(normalized, 0, 0), Views.addDimension(original, 0, 0),
                    Views.addDimension(target, 0, 0));
            return;
        }
        RowSource in = RowSource.of(normalized);
        RowSink out = rowSink(original, target);
        int width = (int) in.width();
        float[] row = new float[width];
        for (long y = 0; y < in.height(); y++) {
            in.read(0, y, row, 0, width);
            out.write(0, y, row, 0, width);
        }
    }
}
