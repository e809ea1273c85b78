package org.denoiser.api;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;

/**
 * The noise level a conditioned model was told for one plane, for logs and output lines. Levels
 * are standard deviations in the network's 0..1 units (variance at signal x is
 * {@code shot^2 * x + read^2}), already multiplied by the strength.
 *
 * @param shot signal-dependent std told to the model
 * @param read signal-independent std told to the model
 * @param strength the factor applied to the estimate (or to the given sigma)
 * @param estimated whether the level was estimated from the plane (false: the user's sigma)
 * @param imageUnitsPerLevel image units per network unit, to show {@code read} in the image's units
 */
public record NoiseLevelUsed(double shot, double read, double strength, boolean estimated, double imageUnitsPerLevel) {

    /** The read std in the image's own units (the Gaussian sigma for Gaussian noise). */
    public double readInImageUnits() {
        return read * imageUnitsPerLevel;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "noise level shot %.4f, read %.4f (%.4g in image units; %s%s)", shot, read,
                readInImageUnits(), estimated ? "estimated" : "given", strength == 1 ? "" : " x" + strength);
    }

    /**
     * One line for the levels told for one image's planes (output lines, logs, record headers):
     * the level itself for one plane, the range over several.
     */
    public static String summary(List<NoiseLevelUsed> levels) {
        if (levels.isEmpty()) {
            return "no noise level (blind model)";
        }
        if (levels.size() == 1) {
            return levels.get(0).toString();
        }
        DoubleSummaryStatistics read = levels.stream().mapToDouble(NoiseLevelUsed::readInImageUnits).summaryStatistics();
        DoubleSummaryStatistics shot = levels.stream().mapToDouble(NoiseLevelUsed::shot).summaryStatistics();
        NoiseLevelUsed first = levels.get(0);
        return String.format(Locale.ROOT, "noise levels of %d planes: shot %.4f..%.4f, read %.4g..%.4g in image units (%s%s)",
                levels.size(), shot.getMin(), shot.getMax(), read.getMin(), read.getMax(),
                first.estimated() ? "estimated" : "given", first.strength() == 1 ? "" : " x" + first.strength());
    }
}
