package org.denoiser.cli;

import org.denoiser.api.NoiseSetting;
import picocli.CommandLine.Option;

/** {@code --strength} and {@code --sigma}: what a noise-level-conditioned model is told. */
final class NoiseLevelOptions {
    @Option(names = "--strength", paramLabel = "S", defaultValue = "1",
            description = "Noise-level-conditioned models (e.g. denoise/poisson-gauss-nl): multiply the noise level by S;"
                    + " above 1 smooths more, below 1 keeps more detail (" + NoiseSetting.MIN_STRENGTH + ".."
                    + NoiseSetting.MAX_STRENGTH + "). Default: ${DEFAULT-VALUE}.")
    double strength;

    @Option(names = "--sigma", paramLabel = "SIGMA",
            description = "Noise-level-conditioned models: the noise is Gaussian with this standard deviation in the"
                    + " image's own units (e.g. 25 for 8-bit), instead of the level estimated from each plane.")
    Double sigma;

    /** The setting; an out-of-range value fails with one line (IllegalArgumentException). */
    NoiseSetting setting() {
        NoiseSetting setting = NoiseSetting.strength(strength);
        return sigma == null ? setting : setting.withSigma(sigma);
    }
}
