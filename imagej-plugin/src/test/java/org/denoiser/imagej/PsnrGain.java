package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import org.denoiser.metrics.Psnr;

/**
 * PSNR of the noisy and the denoised image against the clean one, in dB, measured the way the
 * project reports it: 8-bit on 0..255 (denoised values clipped), 16/32-bit with the clean
 * image's min..max as data range.
 */
record PsnrGain(String what, double noisy, double denoised) {

    static PsnrGain eightBit(String what, RandomAccessibleInterval<? extends RealType<?>> clean,
            RandomAccessibleInterval<? extends RealType<?>> noisy, RandomAccessibleInterval<? extends RealType<?>> denoised) {
        return new PsnrGain(what, Psnr.psnr8bit(clean, noisy), Psnr.psnr8bit(clean, denoised));
    }

    static PsnrGain cleanRange(String what, RandomAccessibleInterval<? extends RealType<?>> clean,
            RandomAccessibleInterval<? extends RealType<?>> noisy, RandomAccessibleInterval<? extends RealType<?>> denoised) {
        double range = Psnr.dataRangeOf(clean);
        return new PsnrGain(what, Psnr.compute(clean, noisy, range), Psnr.compute(clean, denoised, range));
    }

    /**
     * Prints the figures (they are the plugin's measured quality) and fails unless denoising
     * gained at least {@code minGain} dB: an identity or wrongly scaled model gains nothing.
     */
    void assertGainAtLeast(double minGain) {
        String line = String.format(Locale.ROOT, "PSNR %s: noisy %.2f dB, denoised %.2f dB, gain %+.2f dB (at least %.1f)",
                what, noisy, denoised, denoised - noisy, minGain);
        System.out.println(line);
        assertTrue(denoised - noisy >= minGain, line);
    }

    /** Fails unless this result is at least {@code margin} dB better than {@code other}'s on the same image. */
    void assertBetterThan(PsnrGain other, double margin) {
        String line = String.format(Locale.ROOT, "PSNR %s: %.2f dB; %s: %.2f dB; difference %+.2f dB (at least %+.1f)",
                what, denoised, other.what, other.denoised, denoised - other.denoised, margin);
        System.out.println(line);
        assertTrue(denoised - other.denoised >= margin, line);
    }
}
