package org.denoiser.classical;

import org.denoiser.api.NoiseSetting;
import org.denoiser.noise.NoiseEstimator;

/**
 * {@code classical/bm3d}: BM3D told a Gaussian sigma in the image's units, the one given or else
 * the one {@link NoiseEstimator#gaussian} measures on each plane (less biased by texture than the
 * neighbour differences, see its class comment), times the strength.
 */
final class Bm3dMethod implements ClassicalMethod {
    private final Bm3d bm3d;
    private final NoiseSetting setting;
    private final LevelSummary sigmas = new LevelSummary();

    Bm3dMethod(Bm3d bm3d, NoiseSetting setting) {
        this.bm3d = bm3d;
        this.setting = setting;
    }

    @Override
    public String id() {
        return BM3D;
    }

    @Override
    public float[] denoisePlane(float[] pixels, int width, int height, boolean eightBit) {
        double sigma = setting.estimated() ? NoiseEstimator.gaussian(pixels, width, height).read() : setting.sigma();
        if (setting.estimated() && !(sigma > 0)) {
            throw new UnmeasurableNoiseException(BM3D + ": no noise measurable in this " + width + "x" + height
                    + " plane; give its sigma with --sigma");
        }
        sigma *= setting.strength();
        sigmas.add(sigma);
        if (eightBit) {
            return bm3d.denoise(pixels, width, height, sigma);
        }
        GreyLevels grey = GreyLevels.of(pixels);
        return grey.fromGrey(bm3d.denoise(grey.toGrey(pixels), width, height, sigma * grey.scale()));
    }

    @Override
    public String noiseUsed() {
        return "Gaussian sigma " + sigmas + (setting.estimated() ? " estimated per plane" : " given")
                + (setting.strength() == 1 ? "" : " (strength " + setting.strength() + " included)");
    }
}
