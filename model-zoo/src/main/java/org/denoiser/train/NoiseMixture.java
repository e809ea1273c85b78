package org.denoiser.train;

import java.util.Locale;
import java.util.Random;
import org.denoiser.api.NoiseRanges;

/**
 * One of two blind noise models, drawn per image: {@code first} with probability {@code
 * firstFraction}, else {@code second}. A network trained on it must tell the two apart from the
 * pixels, which is what lets one model serve photos whatever made their noise (a phone's
 * demosaiced, correlated noise or white noise), so {@code denoise/auto} need not guess.
 */
public record NoiseMixture(NoiseModel first, NoiseModel second, double firstFraction) implements NoiseModel {

    public NoiseMixture {
        if (!(firstFraction > 0 && firstFraction < 1)) {
            throw new IllegalArgumentException("the first noise's share must be in (0, 1), got " + firstFraction);
        }
        if (first.levelCount() != 0 || second.levelCount() != 0) {
            // a conditioned network is told levels of one kind; a mix of kinds has no single meaning for them
            throw new IllegalArgumentException("a noise mixture is for blind models; "
                    + (first.levelCount() != 0 ? first : second).description() + " tells the network its level");
        }
    }

    @Override
    public float[] apply(float[] clean, Random random) {
        return (random.nextDouble() < firstFraction ? first : second).apply(clean, random);
    }

    /**
     * Both models' ranges as one Poisson-Gaussian range that holds them (Gaussian noise is the
     * case of no shot noise); null when either states none.
     */
    @Override
    public NoiseRanges ranges() {
        NoiseRanges a = first.ranges();
        NoiseRanges b = second.ranges();
        if (a == null || b == null) {
            return null;
        }
        return NoiseRanges.poissonGaussian(span(shot(a), shot(b)), span(read(a), read(b)));
    }

    private static NoiseRanges.Range shot(NoiseRanges ranges) {
        return ranges.shot() != null ? ranges.shot() : new NoiseRanges.Range(0, 0);
    }

    private static NoiseRanges.Range read(NoiseRanges ranges) {
        return ranges.read() != null ? ranges.read() : ranges.sigma();
    }

    private static NoiseRanges.Range span(NoiseRanges.Range a, NoiseRanges.Range b) {
        return new NoiseRanges.Range(Math.min(a.min(), b.min()), Math.max(a.max(), b.max()));
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "per image, %.0f %%: %s; else %s", 100 * firstFraction, first.description(),
                second.description());
    }
}
