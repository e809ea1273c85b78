package org.denoiser.cli;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageData;
import org.denoiser.io.PixelType;
import org.denoiser.metrics.AffineFit;
import org.denoiser.metrics.Psnr;
import org.denoiser.metrics.Ssim;
import org.denoiser.noise.NoiseModel;
import org.denoiser.noise.NoisyValues;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;

/**
 * One clean image, its noisy version and the result of a model or classical method, all as floats
 * in the image's units, scored the way published denoising results are: for 8-bit images data range is 255 and results
 * are clipped to [0,255] (the DnCNN protocol, whose noisy input is not rounded: {@link
 * NoisyValues#AS_DRAWN}); for other types the data range is the clean image's min..max.
 */
record Trial(Img<FloatType> clean, Img<FloatType> noisy, Img<FloatType> denoised, PixelType type) {

    /**
     * Adds seeded synthetic noise to a clean image, treats the noisy values as {@code values} says
     * (within the range of the clean image's pixel type) and denoises the result.
     */
    static Trial synthetic(Denoiser denoiser, ImageData clean, NoiseModel noise, long seed, NoisyValues values) {
        return synthetic(DenoisingMethod.borrowing(denoiser), clean, noise, seed, values);
    }

    /** As {@link #synthetic(Denoiser, ImageData, NoiseModel, long, NoisyValues)}, by a model or a classical method. */
    static Trial synthetic(DenoisingMethod method, ImageData clean, NoiseModel noise, long seed, NoisyValues values) {
        Img<FloatType> cleanPixels = FloatImages.copyOf(clean.pixels());
        Img<FloatType> noisy = FloatImages.copyOf(clean.pixels());
        noise.apply(noisy, seed);
        values.applyTo(noisy, (float) clean.pixels().firstElement().getMaxValue());
        return new Trial(cleanPixels, noisy, method.denoise(noisy, clean.type()), clean.type());
    }

    /** Denoises a given noisy image and scores it against its clean counterpart. */
    static Trial pair(DenoisingMethod method, ImageData clean, ImageData noisy) {
        if (clean.width() != noisy.width() || clean.height() != noisy.height()
                || clean.channels() != noisy.channels() || clean.planes() != noisy.planes()) {
            throw new IllegalArgumentException("clean and noisy images differ in size or channels");
        }
        Img<FloatType> noisyPixels = FloatImages.copyOf(noisy.pixels());
        return new Trial(FloatImages.copyOf(clean.pixels()), noisyPixels, method.denoise(noisyPixels, noisy.type()),
                clean.type());
    }

    /**
     * This trial with the noisy and the denoised image each replaced by its least-squares affine
     * fit {@code a * x + b} to the clean image: the score of data whose brightness scale is
     * arbitrary, such as microscopy pairs each stretched to 0..255 on its own.
     */
    Trial fittedToClean() {
        return new Trial(clean, affineFit(noisy), affineFit(denoised), type);
    }

    private Img<FloatType> affineFit(Img<FloatType> image) {
        Img<FloatType> fitted = image.factory().create(image);
        AffineFit.of(image, clean).applyInto(image, fitted);
        return fitted;
    }

    private boolean eightBit() {
        return type == PixelType.GRAY8 || type == PixelType.RGB8;
    }

    double dataRange() {
        return eightBit() ? 255 : Psnr.dataRangeOf(clean);
    }

    /** Values shown as black and white in pictures: 0..255 for 8-bit, robust percentiles otherwise. */
    Normalization displayRange() {
        return eightBit() ? Normalization.FIXED_8BIT : Normalizations.fit(clean);
    }

    double psnr(Img<FloatType> result) {
        return eightBit() ? Psnr.psnr8bit(clean, result) : Psnr.compute(clean, result, dataRange());
    }

    /** Mean SSIM over all planes and channels (SSIM is defined on 2-D planes). */
    double ssim(Img<FloatType> result) {
        RandomAccessibleInterval<FloatType> test = eightBit() ? clipped(result) : result;
        double range = dataRange();
        double sum = 0;
        int planes = 0;
        for (long c = 0; c < clean.dimension(ImageData.C); c++) {
            for (long z = 0; z < clean.dimension(ImageData.Z); z++) {
                sum += Ssim.compute(plane(clean, c, z), plane(test, c, z), range);
                planes++;
            }
        }
        return sum / planes;
    }

    private static RandomAccessibleInterval<FloatType> clipped(RandomAccessibleInterval<FloatType> image) {
        return net.imglib2.converter.Converters.convert(image,
                (in, out) -> out.set(Math.min(255f, Math.max(0f, in.get()))), new FloatType());
    }

    private static <T extends RealType<T>> RandomAccessibleInterval<T> plane(RandomAccessibleInterval<T> image, long c, long z) {
        return Views.hyperSlice(Views.hyperSlice(image, ImageData.Z, z), ImageData.C, c);
    }
}
