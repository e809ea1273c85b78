package org.denoiser.classical;

import org.denoiser.noise.NoiseEstimator;
import org.denoiser.noise.NoiseLevels;

/**
 * {@code classical/vst-bm3d}, the classical pipeline for Poisson-Gaussian data such as
 * fluorescence microscopy: the noise {@code variance = shot^2 * value + read^2} is fitted to each
 * plane ({@link NoiseEstimator#poissonGaussian}), the generalized Anscombe transform with gain
 * {@code shot^2} and read noise {@code read} (offset 0, which the fit assumes) makes it Gaussian
 * with unit std, BM3D removes that (the transformed plane mapped to 0..255 as its thresholds
 * expect, as Makitalo and Foi's code does), and the closed-form exact unbiased inverse returns to
 * the data. A plane without measurable shot noise gets plain BM3D with the read noise as sigma.
 */
final class VstBm3d implements ClassicalMethod {
    private final Bm3d bm3d;
    private final double strength;
    private final LevelSummary gains = new LevelSummary();
    private final LevelSummary readNoise = new LevelSummary();

    VstBm3d(Bm3d bm3d, double strength) {
        this.bm3d = bm3d;
        this.strength = strength;
    }

    @Override
    public String id() {
        return VST_BM3D;
    }

    @Override
    public float[] denoisePlane(float[] pixels, int width, int height, boolean eightBit) {
        NoiseLevels levels = NoiseEstimator.poissonGaussian(pixels, width, height);
        if (!(levels.shot() > 0) && !(levels.read() > 0)) {
            throw new UnmeasurableNoiseException(VST_BM3D + ": no noise measurable in this " + width + "x" + height
                    + " plane");
        }
        double gain = levels.shot() * levels.shot();
        gains.add(gain);
        readNoise.add(levels.read());
        if (!(gain > 0)) {
            GreyLevels grey = eightBit ? new GreyLevels(0, 1) : GreyLevels.of(pixels);
            double sigma = levels.read() * grey.scale() * strength;
            return grey.fromGrey(bm3d.denoise(grey.toGrey(pixels), width, height, sigma));
        }
        GeneralizedAnscombe vst = new GeneralizedAnscombe(gain, levels.read(), 0);
        float[] stabilized = vst.forward(pixels);
        GreyLevels grey = GreyLevels.of(stabilized);
        float[] denoised = grey.fromGrey(bm3d.denoise(grey.toGrey(stabilized), width, height, grey.scale() * strength));
        return vst.inverse(denoised);
    }

    @Override
    public String noiseUsed() {
        return "Poisson-Gaussian fitted per plane: gain " + gains + ", read sigma " + readNoise
                + (strength == 1 ? "" : ", BM3D sigma x" + strength);
    }
}
