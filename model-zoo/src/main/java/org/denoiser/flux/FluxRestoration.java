package org.denoiser.flux;

/**
 * Puts back, around sources, the flux the network removed as if it were noise.
 *
 * <p>A network trained for squared error shrinks a faint star or cell toward its background:
 * for one pixel, pulling a barely visible bump down is the better bet, and summed over an
 * aperture that bet is a flux bias (-2 % at 28 sigma and -3.5 % at 16 sigma for
 * {@code poisson-gauss}; MODELS.md, "Bright sources and flat fields"). The bias is smaller than
 * one draw's aperture noise, so it cannot be found in the residual of one image. What can be
 * found is where the sources are: the denoised image shows them clearly. So around every
 * source the residual (input minus output), smoothed by {@value #RESIDUAL_BLUR} pixels, is added back: the source then
 * keeps its measured flux and its low-frequency noise, and the denoised fine structure; flat
 * background, where no source is seen, keeps the network's output except for its level: the
 * mean residual of the background pixels within {@value #LEVEL_RADIUS} pixels is added back, so a
 * network that moves a flat sky by a fraction of the noise no longer does (flat fields stay flat:
 * that mean is a smooth surface whose noise is about 0.01 of the input's).
 *
 * <p>Where is a source: the denoised image, smoothed by 1 pixel, stands more than
 * {@value #GATE_START}..{@value #GATE_FULL} noise sigmas above its local background (a
 * morphological opening with a square of {@code 2 x} {@value #BACKGROUND_RADIUS} + 1 pixels:
 * anything narrower than that stands out of it), widened by {@value #WIDEN_RADIUS} pixels and
 * softened so that a source's wings are covered and no edge appears. Every step is a fixed,
 * local filter, so the result at a pixel depends only on the plane within {@link #REACH} rows
 * and the whole-plane noise sigma: it is the same whether the plane was tiled or not.
 */
public final class FluxRestoration {
    /**
     * Smoothing of the residual put back: its pixel noise drops to 0.14 of the input's. Measured
     * against 1 and 1.5 pixels: on photographs stored as 16-bit, where nearly every pixel is near
     * an edge and so counts as source, 1 pixel cost 0.59 dB, 1.5 pixels 0.21 and 2 pixels 0.09 dB
     * (Set12, 20 photons), while the flux bias stayed within 1 % for every source; wider still
     * spreads a faint star's residual beyond its aperture.
     */
    static final double RESIDUAL_BLUR = 2;
    /** Smoothing of the denoised image before looking for sources. */
    static final double SOURCE_BLUR = 1;
    static final int BACKGROUND_RADIUS = 7;
    static final int WIDEN_RADIUS = 3;
    static final double GATE_START = 0.5;
    static final double GATE_FULL = 1.5;

    /**
     * Half side of the square over which the background's level is kept: the mean residual of
     * the pixels away from sources there is added back. Networks move a flat sky by about 0.1
     * noise sigma (gaussian-gray: 100 e- came back as 99); photometry subtracts the sky from an
     * annulus, so that offset became a flux error of +3..5 % on faint stars once their cores were
     * restored. 49 x 49 pixels average the noise down to 0.01 sigma.
     */
    static final int LEVEL_RADIUS = 24;

    /** Rows above and below a pixel that its weight depends on. */
    private static final int WEIGHT_REACH = blurReach(SOURCE_BLUR) + 2 * BACKGROUND_RADIUS + WIDEN_RADIUS
            + blurReach(SOURCE_BLUR);
    /** Rows above and below an output row that its value depends on. */
    public static final int REACH = Math.max(WEIGHT_REACH + LEVEL_RADIUS, blurReach(RESIDUAL_BLUR));

    /** Fewest background pixels (as a fraction of the square) a level is taken from. */
    private static final float MIN_AWAY = 0.05f;

    private static final float[] SOURCE_KERNEL = SourceFilters.gaussianKernel(SOURCE_BLUR);
    private static final float[] RESIDUAL_KERNEL = SourceFilters.gaussianKernel(RESIDUAL_BLUR);

    private final double noiseSigma;
    /** The filters, with their own working buffers (one is a window's size). */
    private final SourceFilters filters = new SourceFilters();
    private final float[][] buffers = new float[6][];

    /**
     * @param noiseSigma the input's pixel noise in image units (for example from
     *     {@link org.denoiser.normalize.NoiseLevel}); sources are judged against it
     */
    public FluxRestoration(double noiseSigma) {
        if (!(noiseSigma > 0) || !Double.isFinite(noiseSigma)) {
            throw new IllegalArgumentException("noise sigma must be positive and finite, got " + noiseSigma);
        }
        this.noiseSigma = noiseSigma;
    }

    /**
     * What to add to rows {@code first .. first + count - 1} of a window of whole rows (0 away
     * from sources, so the network's output stays exactly as it was there). Not thread-safe: the
     * working buffers are kept from call to call, so a plane's bands make no garbage.
     *
     * @param denoised the network's output in image units, row-major, {@code width x height}
     *     (the array may be longer)
     * @param residual input minus output, same layout (0 where a pixel was passed through)
     * @param first the first window row to return; it and the {@code count} rows must have
     *     {@link #REACH} rows of real (or mirrored) plane above and below them in the window
     * @param corrections where the {@code count x width} corrections in image units go, row-major
     */
    public void corrections(float[] denoised, float[] residual, int width, int height, int first, int count,
            float[] corrections) {
        int n = width * height;
        int end = first + count;
        // Each step computes only the rows the next ones read, from the window's top (where the
        // level's running sums start) down to its reach below the rows returned.
        int levelRows = Math.min(height, end + LEVEL_RADIUS);
        int widenedRows = Math.min(height, levelRows + blurReach(SOURCE_BLUR));
        int gateRows = Math.min(height, widenedRows + WIDEN_RADIUS);
        int minimumRows = Math.min(height, gateRows + BACKGROUND_RADIUS);
        int smoothRows = Math.min(height, minimumRows + BACKGROUND_RADIUS);
        float[] smooth = buffer(0, n);
        float[] background = buffer(1, n);
        float[] scratch = buffer(2, n);
        filters.gaussian(denoised, smooth, width, height, 0, smoothRows, SOURCE_KERNEL);
        filters.minimum(smooth, scratch, width, height, 0, minimumRows, BACKGROUND_RADIUS);
        filters.maximum(scratch, background, width, height, 0, gateRows, BACKGROUND_RADIUS);
        float[] gate = scratch;
        for (int i = 0; i < gateRows * width; i++) {
            gate[i] = gateOf(smooth[i], background[i], noiseSigma);
        }
        float[] widened = smooth; // smooth and background are not needed any more
        filters.maximum(gate, widened, width, height, 0, widenedRows, WIDEN_RADIUS);
        float[] weight = buffer(3, n);
        filters.gaussian(widened, weight, width, height, 0, levelRows, SOURCE_KERNEL);
        float[] putBack = buffer(4, n);
        filters.gaussian(residual, putBack, width, height, first, end, RESIDUAL_KERNEL);
        float[] away = scratch;
        float[] awayResidual = background;
        for (int i = 0; i < levelRows * width; i++) {
            away[i] = 1 - Math.min(1, weight[i]);
            awayResidual[i] = away[i] * residual[i];
        }
        float[] awayMean = widened;
        float[] awayResidualMean = buffer(5, n);
        filters.boxMean(away, awayMean, width, height, first, end, LEVEL_RADIUS);
        filters.boxMean(awayResidual, awayResidualMean, width, height, first, end, LEVEL_RADIUS);
        for (int i = 0; i < count * width; i++) {
            int at = first * width + i;
            corrections[i] = correction(weight[at], putBack[at], awayMean[at], awayResidualMean[at]);
        }
    }

    /** How much of a source a pixel is, 0..1, from how far the smoothed image stands above its background. */
    static float gateOf(float smooth, float background, double noiseSigma) {
        double sigmas = (smooth - background) / noiseSigma;
        return (float) Math.max(0, Math.min(1, (sigmas - GATE_START) / (GATE_FULL - GATE_START)));
    }

    /** The smoothed residual where a source is, the background's mean residual away from sources. */
    static float correction(float weight, float putBack, float awayMean, float awayResidualMean) {
        float level = awayMean > MIN_AWAY ? awayResidualMean / awayMean : 0;
        float w = Math.min(1, weight);
        return w * putBack + (1 - w) * level;
    }

    /** Working buffer {@code index}, at least {@code size} floats, kept for the next call. */
    private float[] buffer(int index, int size) {
        if (buffers[index] == null || buffers[index].length < size) {
            buffers[index] = new float[size];
        }
        return buffers[index];
    }

    private static int blurReach(double sigma) {
        return (int) Math.ceil(3 * sigma);
    }
}
