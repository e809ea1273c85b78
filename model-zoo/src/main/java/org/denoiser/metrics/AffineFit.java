package org.denoiser.metrics;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The least-squares {@code gain * x + offset} that brings one image closest to another: how
 * microscopy pairs, each stretched to 0..255 on its own, are put on one brightness scale, both for
 * scoring ({@code denoiser eval --affine-fit}) and for matching a clean training target to its noisy
 * image. Sums are taken in two passes (means first), which stays exact for large flat images.
 */
public record AffineFit(double gain, double offset) {

    /**
     * The fit of {@code from} onto {@code to} (same length). A constant {@code from} gets gain 1;
     * any gain gives the same fitted image there, the mean of {@code to}.
     */
    public static AffineFit of(float[] from, float[] to) {
        if (from.length != to.length || from.length == 0) {
            throw new IllegalArgumentException("an affine fit needs two non-empty arrays of one length, got "
                    + from.length + " and " + to.length);
        }
        double meanFrom = 0;
        double meanTo = 0;
        for (int i = 0; i < from.length; i++) {
            meanFrom += from[i];
            meanTo += to[i];
        }
        meanFrom /= from.length;
        meanTo /= from.length;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < from.length; i++) {
            covariance += (from[i] - meanFrom) * (to[i] - meanTo);
            variance += (from[i] - meanFrom) * (from[i] - meanFrom);
        }
        double gain = variance > 0 ? covariance / variance : 1;
        return new AffineFit(gain, meanTo - gain * meanFrom);
    }

    /** The fit of {@code from} onto {@code to}, images of the same size. */
    public static AffineFit of(RandomAccessibleInterval<FloatType> from, RandomAccessibleInterval<FloatType> to) {
        PairedPixels.requireSameSize(to, from);
        return of(floats(from), floats(to));
    }

    public float apply(float value) {
        return (float) (gain * value + offset);
    }

    /** Writes {@code image} with the fit applied to every pixel into {@code out}, of the same size. */
    public void applyInto(RandomAccessibleInterval<FloatType> image, RandomAccessibleInterval<FloatType> out) {
        LoopBuilder.setImages(image, out).forEachPixel((x, o) -> o.set(apply(x.get())));
    }

    private static float[] floats(RandomAccessibleInterval<FloatType> image) {
        double[] values = PairedPixels.toArray(image);
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
