package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;
import org.denoiser.testimages.GroundTruthScene;

/**
 * Star fields and fluorescence frames with very bright sources, mapped into the network's range
 * exactly as the Denoiser maps a 16/32-bit image: the headroom map fitted on a noisy draw (sky at
 * about 0.24, its noise at 0.012 when the span is capped, cores of bright sources above 1). The
 * photo presets never show a network faint point sources on a flat sky at that noise level, and
 * that is where the shipped models biased 5..50 sigma sources by up to 6 % (MODELS.md, "Bright
 * sources and flat fields"). Pixels the Denoiser would clamp for the network are clamped here too.
 *
 * <p>Scenes come from {@code test-images}' generators with seeds from {@link #FIRST_SEED} on, far
 * from the seeds the fidelity tests use, so those tests stay held out.
 */
public record SourceScenes(int count, int side, int validationEvery) implements DataSource {

    /** The fidelity tests use scene seeds 1 and 2 and noise seeds 0..19. */
    static final long FIRST_SEED = 10_000;
    /** Star peaks of the bloated stars: 1e2..1e3 x the sky's 100 e-, as in the tests and beyond. */
    private static final double[] STAR_PEAKS = {1e4, 1e5, 1e7};

    public SourceScenes {
        if (count < 2 || side <= 0 || validationEvery < 2) {
            throw new IllegalArgumentException("need at least 2 scenes, a positive side and validationEvery >= 2");
        }
    }

    @Override
    public DatasetSplit load() {
        List<float[]> train = new ArrayList<>();
        List<float[]> validation = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seed = FIRST_SEED + i;
            GroundTruthScene scene = i % 3 == 2 ? GroundTruthScene.brightCells(seed, side)
                    : GroundTruthScene.starField(seed, side, STAR_PEAKS[i % STAR_PEAKS.length]);
            (i % validationEvery == validationEvery - 1 ? validation : train).add(mapped(scene, seed));
        }
        return new DatasetSplit(new ImageSet(side, side, train), new ImageSet(side, side, validation));
    }

    /** The truth under the map the Denoiser fits on a noisy draw of it (Poisson-Gaussian or Gaussian). */
    private static float[] mapped(GroundTruthScene scene, long seed) {
        Img<FloatType> noisy = seed % 2 == 0 ? scene.poissonGaussianNoisy(seed)
                : scene.gaussianNoisy(10 + seed % 7, seed);
        Normalization map = Normalizations.fit(noisy);
        float[] out = new float[(int) scene.truth().size()];
        int i = 0;
        for (FloatType p : scene.truth()) {
            out[i++] = Math.max(0f, Math.min(1f, map.forward(p.get())));
        }
        return out;
    }

    @Override
    public String description() {
        return count + " generated " + side + "x" + side + " star fields and bright-cell frames (test-images "
                + "GroundTruthScene, seeds " + FIRST_SEED + "+), under the Denoiser's 16/32-bit headroom map";
    }
}
