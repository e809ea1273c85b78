package org.denoiser.kafka.demo;

import org.denoiser.io.ImageData;
import org.denoiser.metrics.Psnr;

/**
 * PSNR of a noisy and a denoised image against the clean one, in dB. 8-bit images use the
 * usual 0..255 range (denoised values clipped, as in published results); 16- and 32-bit images
 * the clean image's min..max, as {@code denoiser eval} does.
 */
public record PsnrFigures(double noisy, double denoised) {

    public static PsnrFigures measure(ImageData clean, ImageData noisy, ImageData denoised) {
        if (clean.type().bitsPerSample() == 8) {
            return new PsnrFigures(Psnr.psnr8bit(clean.pixels(), noisy.pixels()), Psnr.psnr8bit(clean.pixels(), denoised.pixels()));
        }
        double range = Psnr.dataRangeOf(clean.pixels());
        return new PsnrFigures(Psnr.compute(clean.pixels(), noisy.pixels(), range), Psnr.compute(clean.pixels(), denoised.pixels(), range));
    }

    public double gain() {
        return denoised - noisy;
    }

}
