package org.denoiser.train;

/** Peak signal-to-noise ratio for images with values in [0,1]: {@code 10 log10(1 / mse)}. */
public final class Psnr {

    /** Caps identical images at a finite value so averages stay meaningful. */
    static final double MAX_DB = 100;

    private Psnr() {
    }

    public static double of(float[] reference, float[] estimate) {
        if (reference.length != estimate.length || reference.length == 0) {
            throw new IllegalArgumentException("PSNR needs two non-empty images of the same size, got "
                    + reference.length + " and " + estimate.length + " values");
        }
        double sum = 0;
        for (int i = 0; i < reference.length; i++) {
            double d = reference[i] - estimate[i];
            sum += d * d;
        }
        double mse = sum / reference.length;
        return mse == 0 ? MAX_DB : Math.min(MAX_DB, 10 * Math.log10(1 / mse));
    }
}
