package org.denoiser.classical;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.denoiser.api.NoiseSetting;
import org.denoiser.metrics.Psnr;
import org.denoiser.testimages.TestImages;
import org.denoiser.testimages.noise.PoissonSampler;
import org.junit.jupiter.api.Test;

class VstBm3dTest {
    private static final int SIDE = 128;

    @Test
    void lowLightPoissonGaussianDataIsDenoisedBetterThanByBm3dWithOneSigma() {
        // The cameraman at 30 photo-electrons peak, gain 2 grey levels per electron, read noise 4:
        // shot noise dominates the bright coat, read noise the dark one.
        float[] clean = Planes.crop(TestImages.camera(), 192, 48, SIDE, SIDE);
        float[] noisy = new float[clean.length];
        SplittableRandom random = new SplittableRandom(11);
        Random gaussian = new Random(11);
        for (int i = 0; i < clean.length; i++) {
            clean[i] = clean[i] / 255f * 30 * 2;
            noisy[i] = (float) (2 * PoissonSampler.sample(clean[i] / 2, random) + 4 * gaussian.nextGaussian());
        }
        double range = 60;
        double noisyPsnr = Psnr.compute(clean, noisy, range);
        double vst = Psnr.compute(clean, ClassicalMethod.create(ClassicalMethod.VST_BM3D, NoiseSetting.DEFAULT, 2)
                .denoisePlane(noisy, SIDE, SIDE, false), range);
        double plain = Psnr.compute(clean, ClassicalMethod.create(ClassicalMethod.BM3D, NoiseSetting.DEFAULT, 2)
                .denoisePlane(noisy, SIDE, SIDE, false), range);
        String scores = String.format("noisy %.2f, BM3D with one estimated sigma %.2f, VST + BM3D %.2f dB", noisyPsnr, plain, vst);
        assertTrue(vst - noisyPsnr >= 5, scores);
        assertTrue(vst > plain, scores);
    }

    @Test
    void aPlaneWithoutNoiseIsRefusedInOneLine() {
        float[] flat = new float[SIDE * SIDE];
        UnmeasurableNoiseException e = assertThrows(UnmeasurableNoiseException.class,
                () -> ClassicalMethod.create(ClassicalMethod.VST_BM3D, NoiseSetting.DEFAULT, 1).denoisePlane(flat, SIDE, SIDE, false));
        assertTrue(e.getMessage().contains("no noise measurable") && !e.getMessage().contains("\n"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ClassicalMethod.create(ClassicalMethod.VST_BM3D, NoiseSetting.DEFAULT.withSigma(3), 1));
    }
}
