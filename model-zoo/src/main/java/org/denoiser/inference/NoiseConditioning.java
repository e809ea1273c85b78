package org.denoiser.inference;

import net.imglib2.img.array.ArrayImgs;
import org.denoiser.api.Conditioning;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.NoiseLevelUsed;
import org.denoiser.api.NoiseSetting;
import org.denoiser.api.StrengthNotSupportedException;
import org.denoiser.noise.NoiseEstimator;
import org.denoiser.noise.NoiseLevels;
import org.denoiser.tiling.RowSource;

/**
 * Chooses the noise level a conditioned model is told for one plane: estimated from the plane as
 * the network sees it (after the same normalization its tiles get, so a 0.2..0.8 headroom map's
 * scale is accounted for) or the user's Gaussian sigma mapped to network units, times the
 * strength. One level per plane, never per tile, so tiled output still equals untiled output.
 */
public final class NoiseConditioning {
    private NoiseConditioning() {
    }

    /**
     * Refuses a setting the model cannot honour: any strength or sigma for a blind model.
     *
     * @throws StrengthNotSupportedException naming the model and what to use instead
     */
    public static void requireSupported(ModelInfo model, NoiseSetting setting) {
        if (!model.isConditioned() && !setting.isDefault()) {
            throw new StrengthNotSupportedException("model " + model.id() + " is blind (it is not told the noise level),"
                    + " so it takes no strength or sigma; use a noise-level-conditioned model such as"
                    + " denoise/poisson-gauss-nl, or leave strength at 1");
        }
    }

    /**
     * The shot and read stds of {@code plane} (pixels in network units) as a conditioned model is
     * told them at strength 1; self-supervised fine-tuning tells its training planes the same.
     */
    public static NoiseLevels estimate(float[] pixels, int width, int height) {
        return estimate(RowSource.of(ArrayImgs.floats(pixels, width, height)));
    }

    /** The same for a plane read row by row. */
    public static NoiseLevels estimate(RowSource plane) {
        BlockSample sample = BlockSample.of(plane);
        // In network units the black level of 16/32-bit data sits at 0.2 (headroom map): keep the slope.
        return NoiseEstimator.poissonGaussianKeepingSlope(sample.pixels(), sample.width(), sample.height());
    }

    /**
     * The level for {@code plane} (pixels in network units), or null for a blind model.
     *
     * @param networkUnitsPerImageUnit how far one image unit moves a pixel in network units
     *     (1/255 for 8-bit images), to convert a user's sigma
     */
    public static NoiseLevelUsed levelFor(ModelInfo model, NoiseSetting setting, RowSource plane,
            double networkUnitsPerImageUnit) {
        requireSupported(model, setting);
        Conditioning conditioning = model.conditioning();
        if (conditioning == null) {
            return null;
        }
        NoiseLevels levels = setting.estimated() ? estimate(plane)
                : new NoiseLevels(0, setting.sigma() * networkUnitsPerImageUnit);
        NoiseLevels told = levels.times(setting.strength());
        return new NoiseLevelUsed(told.shot(), told.read(), setting.strength(), setting.estimated(),
                1 / networkUnitsPerImageUnit);
    }
}
