package org.denoiser.classical;

/**
 * The parameters of one BM3D step, as published by Lebrun ("An Analysis and Implementation of the
 * BM3D Image Denoising Method", IPOL 2012) for 8x8 blocks.
 *
 * @param maxGroup  most blocks stacked in a group (a power of 2)
 * @param window    side of the square search window centred on the reference block
 * @param step      distance between reference blocks, in both directions
 * @param tauMatch  largest mean squared difference per pixel (in grey levels of 0..255) for a block
 *                  to join a group
 */
record StepParameters(int maxGroup, int window, int step, double tauMatch) {

    /** Above this sigma Lebrun's matching thresholds are raised (the larger 12x12 blocks he also uses there are not). */
    static final double HIGH_NOISE = 40;
    /** Hard threshold of the 3-D coefficients, in multiples of sigma. */
    static final double LAMBDA_3D = 2.7;
    /** Kaiser window shape for 8x8 blocks. */
    static final double KAISER_BETA = 2.0;

    /** Step 1: hard thresholding of groups matched on the noisy image. */
    static StepParameters hardThresholding(double sigma) {
        return new StepParameters(16, 39, 3, sigma > HIGH_NOISE ? 5000 : 2500);
    }

    /** Step 2: empirical Wiener filtering of groups matched on the basic estimate. */
    static StepParameters wiener(double sigma) {
        return new StepParameters(32, 39, 3, sigma > HIGH_NOISE ? 3500 : 400);
    }
}
