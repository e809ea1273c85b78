package org.denoiser.kafka.demo;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
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
        double range = range(clean.pixels());
        return new PsnrFigures(Psnr.compute(clean.pixels(), noisy.pixels(), range), Psnr.compute(clean.pixels(), denoised.pixels(), range));
    }

    public double gain() {
        return denoised - noisy;
    }

    private static double range(RandomAccessibleInterval<? extends RealType<?>> image) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (RealType<?> p : Views.iterable(image)) {
            min = Math.min(min, p.getRealDouble());
            max = Math.max(max, p.getRealDouble());
        }
        return max > min ? max - min : 1;
    }
}
