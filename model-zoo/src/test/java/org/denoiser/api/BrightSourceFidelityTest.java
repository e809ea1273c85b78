package org.denoiser.api;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import net.imglib2.img.Img;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import org.denoiser.metrics.Psnr;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;
import org.denoiser.testimages.GroundTruthScene;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 11, item 1: bright stars, a galaxy core, faint stars and bright cells keep their values
 * and fluxes through the shipped models, on 16-bit, 32-bit and 64-bit scenes with up to a 1e5:1 range.
 * Each case runs 20 noise draws of a 256 x 256 scene. The figures are printed as the table rows
 * of MODELS.md ("Bright sources and flat fields").
 *
 * <p>The models are the ones meant for measured data, and the Gaussian photo models. {@link
 * AutoModel#PHOTO_MODEL} ({@code photo-gray}) is not among them: trained half on a phone's
 * demosaiced noise, it scatters aperture sums more than the noise itself does (median flux
 * error 0.0074 against 0.0054 noisy on the sigma-10 star field, past the 1.3x bound, where
 * {@code gaussian-gray} gives 0.0065). {@code denoise/auto} gives it only 8-bit photos; 16/32-bit
 * and FITS data go to {@link AutoModel#CAMERA_MODEL}. {@link FlatFieldTest} still checks it invents
 * no structure.
 */
class BrightSourceFidelityTest {
    private static final int DRAWS = 20;
    private static final String[] MODELS = {"denoise/gaussian-gray", "denoise/gaussian-gray-8bit", AutoModel.CAMERA_MODEL};
    private static final GroundTruthScene STARS = GroundTruthScene.starField(1, 256, 1e4);
    private static final GroundTruthScene STARS_1E5 = GroundTruthScene.starField(1, 256, 1e7);
    private static final GroundTruthScene CELLS = GroundTruthScene.brightCells(2, 256);

    /**
     * Margins over the acceptance criteria, from the measured figures: the median flux error may
     * exceed the noisy input's by this factor (aperture sums already average the noise away, so
     * denoising changes them little either way; measured 0.91..1.07 for poisson-gauss and up to
     * 1.2 for gaussian-gray, whose restored residual carries more noise), the brightest pixels'
     * RMSE by 1 %.
     */
    private static final double FLUX_ERROR_FACTOR = 1.3;
    private static final double BRIGHTEST_FACTOR = 1.01;
    /**
     * The bias denoising adds to a source's flux (paired with the noisy input on each draw, see
     * {@link SourceFidelity#worstAddedBias}), beyond two standard errors: at most 1 % for every
     * source above 5 sigma. Measured: at most 0.5 % with flux restoration; without it, 1.5 % on
     * faint stars (the control case below).
     */
    private static final double MAX_RESOLVED_BIAS = 0.01;

    @TestFactory
    Stream<DynamicTest> brightSourcesKeepTheirFlux() {
        return Stream.of(MODELS).flatMap(model -> Stream.of(
                test(model, "star field 1e4, float32, Gaussian sigma 10", STARS, seed -> STARS.gaussianNoisy(10, seed)),
                test(model, "star field 1e4, float32, Poisson-Gaussian", STARS, STARS::poissonGaussianNoisy),
                test(model, "star field 1e7 (1e5:1), float64, Poisson-Gaussian", STARS_1E5,
                        seed -> GroundTruthScene.toDouble(STARS_1E5.poissonGaussianNoisy(seed))),
                test(model, "bright cells, 16-bit, Poisson-Gaussian", CELLS,
                        seed -> GroundTruthScene.toUnsignedShort(CELLS.poissonGaussianNoisy(seed)))));
    }

    private static <T extends RealType<T> & NativeType<T>> DynamicTest test(String model, String name,
            GroundTruthScene scene, LongFunction<Img<T>> noisy) {
        return DynamicTest.dynamicTest(model + ", " + name, () -> {
            try (Denoiser denoiser = Denoiser.builder().repository(BundledModels.repository()).model(model).build()) {
                SourceFidelity f = SourceFidelity.measure(scene, noisy, denoiser, DRAWS);
                double today = psnrWithPlainPercentiles(scene, noisy.apply(0), denoiser);
                System.out.println(f.row(model, name) + String.format(Locale.ROOT, " today %.2f dB", today));
                assertAll(
                        () -> assertTrue(f.brightestRmse()[1] <= BRIGHTEST_FACTOR * f.brightestRmse()[0],
                                "brightest 0.1 %: RMSE " + f.brightestRmse()[1] + " vs noisy " + f.brightestRmse()[0]),
                        () -> assertTrue(f.medianFluxError()[1] <= FLUX_ERROR_FACTOR * f.medianFluxError()[0],
                                "median flux error " + f.medianFluxError()[1] + " vs noisy " + f.medianFluxError()[0]),
                        () -> assertTrue(f.worstAddedExcess()[0] <= MAX_RESOLVED_BIAS, "denoising biases a source above "
                                + SourceFidelity.BRIGHT_SNR + " sigma by " + f.worstAddedBias()[0]),
                        () -> assertTrue(f.worstAddedExcess()[1] <= MAX_RESOLVED_BIAS, "denoising biases a source of 5.."
                                + SourceFidelity.BRIGHT_SNR + " sigma by " + f.worstAddedBias()[1]),
                        () -> assertTrue(f.psnr()[1] >= today, "PSNR " + f.psnr()[1] + " dB, with the 0.1..99.9 "
                                + "percentile map that shipped before " + today + " dB"));
            }
        });
    }

    /**
     * Control: the same measure sees the bias the network alone leaves on faint stars (without
     * {@link org.denoiser.flux.FluxRestoration}), so the bound above can fail.
     */
    @Test
    void withoutFluxRestorationFaintStarsAreBiased() {
        try (Denoiser denoiser = Denoiser.builder().repository(BundledModels.repository()).model("denoise/poisson-gauss")
                .restoreFlux(false).build()) {
            SourceFidelity f = SourceFidelity.measure(STARS, seed -> STARS.gaussianNoisy(10, seed), denoiser, DRAWS);
            System.out.println(f.row("denoise/poisson-gauss, no flux restoration", "star field 1e4, float32, Gaussian sigma 10"));
            assertTrue(f.worstAddedExcess()[1] > MAX_RESOLVED_BIAS, "bias of faint stars " + f.worstAddedBias()[1]);
        }
    }

    /** The first draw as the map before issue 11 denoised it: 0.1..99.9 percentiles to 0..1, no headroom. */
    private static <T extends RealType<T> & NativeType<T>> double psnrWithPlainPercentiles(GroundTruthScene scene,
            Img<T> noisy, Denoiser denoiser) {
        Img<T> out = noisy.factory().create(noisy);
        Normalization plain = Normalizations.fitPercentiles(noisy, Normalizations.DEFAULT_LOW_PERCENT,
                Normalizations.DEFAULT_HIGH_PERCENT);
        denoiser.denoiseInto(noisy, out, -1, plain);
        return Psnr.compute(scene.truth(), out, Psnr.dataRangeOf(scene.truth()));
    }
}
