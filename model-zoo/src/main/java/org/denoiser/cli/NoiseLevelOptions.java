package org.denoiser.cli;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import org.denoiser.api.NoiseLevelUsed;
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

    /** The levels told for one file, for its output line: empty for a blind model. */
    static String summary(List<NoiseLevelUsed> levels) {
        if (levels.isEmpty()) {
            return "";
        }
        if (levels.size() == 1) {
            return ", " + levels.get(0);
        }
        DoubleSummaryStatistics read = levels.stream().mapToDouble(NoiseLevelUsed::readInImageUnits).summaryStatistics();
        DoubleSummaryStatistics shot = levels.stream().mapToDouble(NoiseLevelUsed::shot).summaryStatistics();
        return String.format(Locale.ROOT, ", noise levels of %d planes %s: shot %.4f..%.4f, read %.4g..%.4g in image units%s",
                levels.size(), levels.get(0).estimated() ? "estimated" : "given", shot.getMin(), shot.getMax(),
                read.getMin(), read.getMax(),
                levels.get(0).strength() == 1 ? "" : ", strength " + levels.get(0).strength());
    }
}
