package org.denoiser.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import org.denoiser.metrics.Aperture;
import org.denoiser.metrics.AperturePhotometry;
import org.denoiser.metrics.BrightestPixels;
import org.denoiser.metrics.Psnr;
import org.denoiser.testimages.GroundTruthScene;
import org.denoiser.testimages.synth.KnownSource;

/**
 * What denoising does to the things scientists measure in a {@link GroundTruthScene}, over
 * several noise draws: whole-image PSNR, RMSE on the brightest 0.1 % of pixels, and aperture
 * photometry of every source detected above 5 sigma (error per draw, and bias averaged over draws).
 *
 * @param psnr mean PSNR, noisy and denoised (data range: the truth's max - min)
 * @param brightestRmse mean RMSE on the brightest 0.1 % of the truth's pixels, noisy and denoised
 * @param medianFluxError median over sources and draws of |relative flux error|, noisy and denoised
 * @param worstBias largest |mean relative flux error| of one source over the draws (denoised), for
 *     sources above {@value #BRIGHT_SNR} sigma and for those between 5 and {@value #BRIGHT_SNR}
 * @param worstBiasExcess largest |mean| - 2 standard errors of one source (denoised), same two
 *     groups: above 1 % means a bias of more than 1 % that the draws resolve
 * @param worstAddedBias largest |mean| over the draws of one source's relative flux error minus the
 *     noisy input's on the same draw: the bias denoising itself adds. Pairing cancels most of the
 *     draws' own noise, so this resolves far smaller biases than {@code worstBias}; same two groups
 * @param worstAddedExcess the same minus 2 standard errors of the paired differences
 * @param sources sources above 5 sigma
 */
record SourceFidelity(double[] psnr, double[] brightestRmse, double[] medianFluxError, double[] worstBias,
                      double[] worstBiasExcess, double[] worstAddedBias, double[] worstAddedExcess, int sources) {

    /** Sources above this many sigma count as bright (their bias is judged on its own). */
    static final double BRIGHT_SNR = 50;

    static final double BRIGHTEST = 0.001;

    static <T extends RealType<T> & NativeType<T>> SourceFidelity measure(GroundTruthScene scene,
            LongFunction<Img<T>> noisyDraw, Denoiser denoiser, int draws) {
        return measure(scene, noisyDraw, denoiser::denoise, draws);
    }

    static <T extends RealType<T> & NativeType<T>> SourceFidelity measure(GroundTruthScene scene,
            LongFunction<Img<T>> noisyDraw, UnaryOperator<Img<T>> denoiser, int draws) {
        List<Aperture> apertures = detected(scene);
        double[] trueFlux = apertures.stream().mapToDouble(a -> AperturePhotometry.flux(scene.truth(), a)).toArray();
        double range = Psnr.dataRangeOf(scene.truth());
        double[][][] relative = new double[2][apertures.size()][draws];
        double[] psnr = new double[2];
        double[] rmse = new double[2];
        List<List<Double>> absErrors = List.of(new ArrayList<>(), new ArrayList<>());
        for (int draw = 0; draw < draws; draw++) {
            Img<T> noisy = noisyDraw.apply(draw);
            Img<T> denoised = denoiser.apply(noisy);
            List<RandomAccessibleInterval<T>> both = List.of(noisy, denoised);
            for (int k = 0; k < 2; k++) {
                psnr[k] += Psnr.compute(scene.truth(), both.get(k), range) / draws;
                rmse[k] += BrightestPixels.rmse(scene.truth(), both.get(k), BRIGHTEST) / draws;
                for (int s = 0; s < apertures.size(); s++) {
                    double error = (AperturePhotometry.flux(both.get(k), apertures.get(s)) - trueFlux[s]) / trueFlux[s];
                    absErrors.get(k).add(Math.abs(error));
                    relative[k][s][draw] = error;
                }
            }
        }
        Bias total = new Bias();
        Bias added = new Bias();
        for (int s = 0; s < apertures.size(); s++) {
            int group = trueFlux[s] > BRIGHT_SNR * apertureNoise(scene, apertures.get(s)) ? 0 : 1;
            double[] paired = new double[draws];
            for (int draw = 0; draw < draws; draw++) {
                paired[draw] = relative[1][s][draw] - relative[0][s][draw];
            }
            total.add(group, relative[1][s]);
            added.add(group, paired);
            if (Boolean.getBoolean("fidelity.sources")) {
                System.out.printf(Locale.ROOT, "  source flux %.0f snr %.1f bias %.4f +- %.4f, added by denoising"
                        + " %.4f +- %.4f%n", trueFlux[s], trueFlux[s] / apertureNoise(scene, apertures.get(s)),
                        mean(relative[1][s]), standardError(relative[1][s]), mean(paired), standardError(paired));
            }
        }
        return new SourceFidelity(psnr, rmse, new double[] {median(absErrors.get(0)), median(absErrors.get(1))},
                total.worst, total.worstExcess, added.worst, added.worstExcess, apertures.size());
    }

    /** Largest |mean| of one source's errors over the draws, and largest |mean| - 2 standard errors, per group. */
    private static final class Bias {
        final double[] worst = new double[2];
        final double[] worstExcess = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};

        void add(int group, double[] errors) {
            worst[group] = Math.max(worst[group], Math.abs(mean(errors)));
            worstExcess[group] = Math.max(worstExcess[group], Math.abs(mean(errors)) - 2 * standardError(errors));
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double standardError(double[] values) {
        double mean = mean(values);
        double variance = Arrays.stream(values).map(e -> (e - mean) * (e - mean)).sum() / Math.max(1, values.length - 1);
        return Math.sqrt(variance / values.length);
    }

    /** Sources whose aperture flux is above 5 times its noise (Poisson-Gaussian, from the truth). */
    private static List<Aperture> detected(GroundTruthScene scene) {
        List<Aperture> result = new ArrayList<>();
        for (KnownSource s : scene.sources()) {
            Aperture a = new Aperture(s.x(), s.y(), s.apertureRadius(), s.skyInner(), s.skyOuter());
            if (AperturePhotometry.flux(scene.truth(), a) > 5 * apertureNoise(scene, a)) {
                result.add(a);
            }
        }
        return result;
    }

    private static double apertureNoise(GroundTruthScene scene, Aperture a) {
        double variance = 0;
        var access = scene.truth().randomAccess();
        for (long y = 0; y < scene.truth().dimension(1); y++) {
            for (long x = 0; x < scene.truth().dimension(0); x++) {
                if (Math.hypot(x - a.x(), y - a.y()) <= a.radius()) {
                    access.setPosition(new long[] {x, y});
                    double electrons = (access.get().get() - scene.camera().offset()) / scene.camera().gain();
                    variance += scene.camera().gain() * scene.camera().gain() * electrons
                            + scene.camera().readNoise() * scene.camera().readNoise();
                }
            }
        }
        return Math.sqrt(variance);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    String row(String model, String scene) {
        return String.format(Locale.ROOT,
                "| %s | %s | %d | %.2f -> %.2f | %.1f -> %.1f | %.4f -> %.4f | %s | %s | %s | %s |",
                model, scene, sources, psnr[0], psnr[1], brightestRmse[0], brightestRmse[1],
                medianFluxError[0], medianFluxError[1], bias(worstBias, worstBiasExcess, 0),
                bias(worstBias, worstBiasExcess, 1), bias(worstAddedBias, worstAddedExcess, 0),
                bias(worstAddedBias, worstAddedExcess, 1));
    }

    private static String bias(double[] worst, double[] excess, int group) {
        return excess[group] == Double.NEGATIVE_INFINITY ? "none"
                : String.format(Locale.ROOT, "%.4f (%.4f)", worst[group], excess[group]);
    }
}
