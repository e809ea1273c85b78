package org.denoiser.kafka.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.io.PixelType;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;

/**
 * The users' kinds of image, with noise and a clean reference: an 8-bit photo, a 16-bit
 * fluorescence time-lapse, a 32-bit telescope frame and an RGB picture, each in the format such
 * a user would send, with the shipped model that suits its noise in the {@code denoise.model}
 * header. The microscopy and astronomy frames are low-light recordings ({@link LowLight#DIM}),
 * as our users' are. Seeded: the same size always gives the same pixels.
 */
public final class SampleImages {
    /** Gaussian noise on the 8-bit images, in gray levels. */
    public static final double SIGMA_8BIT = 25;
    /** The model for Gaussian noise on photographs. */
    public static final String GAUSSIAN_MODEL = "denoise/gaussian-gray";
    /** The model for Gaussian noise on colour photographs: R, G and B denoised together. */
    public static final String COLOUR_MODEL = "denoise/gaussian-color";
    /** The model for camera (shot + read) noise on microscopy and astronomy frames. */
    public static final String CAMERA_MODEL = "denoise/poisson-gauss";

    private SampleImages() {}

    /** The four demo images, each {@code size} pixels square (the time-lapse has 4 frames). */
    public static List<SampleImage> demo(int size) {
        return List.of(camera(size), timeLapse(size, 4), astronomy(size, ImageFormat.FITS), hubble(size));
    }

    /** An 8-bit gray crop of the camera man with Gaussian noise, as PNG. */
    public static SampleImage camera(int size) {
        Img<UnsignedByteType> crop = crop(TestImages.camera(), size);
        CleanNoisyPair<UnsignedByteType> pair = SyntheticImages.gaussianNoisy8bit(crop, SIGMA_8BIT, 1);
        return sample("camera-8bit.png", ImageFormat.PNG, pair, "camera (skimage), 8-bit gray PNG, Gaussian noise sigma 25",
                GAUSSIAN_MODEL, false);
    }

    /** A low-light 16-bit fluorescence time-lapse with Poisson-Gaussian noise, as a multi-page TIFF. */
    public static SampleImage timeLapse(int size, int frames) {
        var pair = SyntheticImages.fluorescenceTimeLapse(2, size, size, frames, LowLight.DIM);
        return sample("timelapse-16bit.tif", ImageFormat.TIFF, pair, "synthetic fluorescence time-lapse, 16-bit TIFF stack of "
                + frames + " frames, low light (" + light(LowLight.DIM) + ")", CAMERA_MODEL, false);
    }

    /** A short-exposure 32-bit float telescope frame in electrons with photon and read noise. */
    public static SampleImage astronomy(int size, ImageFormat format) {
        var pair = SyntheticImages.astronomyFrame(3, size, size, LowLight.DIM);
        String extension = format == ImageFormat.FITS ? "fits" : "tif";
        return sample("astronomy-32bit." + extension, format, pair,
                "synthetic telescope frame, 32-bit float " + format + ", low light (" + light(LowLight.DIM) + ")", CAMERA_MODEL, false);
    }

    private static String light(LowLight light) {
        return String.format(Locale.ROOT, "%.0f e- at the peak, %.0f e- read noise", light.peakElectrons(), light.readNoiseElectrons());
    }

    /** An RGB crop of the Hubble deep field with Gaussian noise on each channel, as PNG. */
    public static SampleImage hubble(int size) {
        Img<UnsignedByteType> crop = crop(TestImages.hubbleDeepField(), size);
        CleanNoisyPair<UnsignedByteType> pair = SyntheticImages.gaussianNoisy8bit(crop, SIGMA_8BIT, 4);
        return sample("hubble-rgb.png", ImageFormat.PNG, pair, "Hubble deep field (skimage), RGB PNG, Gaussian noise sigma 25",
                COLOUR_MODEL, true);
    }

    private static <T extends RealType<T>> SampleImage sample(String name, ImageFormat format, CleanNoisyPair<T> pair,
            String description, String model, boolean rgb) {
        return new SampleImage(name, toImageData(pair.noisy(), format, rgb), toImageData(pair.clean(), format, rgb), description,
                Map.of(MessageHeaders.CORRELATION_ID, name, MessageHeaders.CONTENT_TYPE, contentTypeOf(format),
                        MessageHeaders.MODEL, model));
    }

    /** The content-type header for a container format. */
    public static String contentTypeOf(ImageFormat format) {
        return switch (format) {
            case PNG -> MessageHeaders.PNG;
            case TIFF -> MessageHeaders.TIFF;
            case FITS -> MessageHeaders.FITS;
        };
    }

    /**
     * Copies an image with axes (x, y), (x, y, c) for RGB or (x, y, t) for a stack into the
     * (x, y, c, z) layout of {@link ImageData}.
     */
    public static <T extends RealType<T>> ImageData toImageData(Img<T> image, ImageFormat format, boolean rgb) {
        RandomAccessibleInterval<T> xyzc = image;
        while (xyzc.numDimensions() < 4) {
            xyzc = Views.addDimension(xyzc, 0, 0);
        }
        if (!rgb && image.numDimensions() == 3) {
            xyzc = Views.permute(xyzc, 2, 3); // (x, y, t, c) -> (x, y, c, t)
        }
        PixelType type = pixelType(image.firstElement(), rgb);
        @SuppressWarnings("unchecked")
        Img<RealType<?>> copy = (Img<RealType<?>>) type.allocate(xyzc.dimension(0), xyzc.dimension(1), xyzc.dimension(3));
        LoopBuilder.setImages(xyzc, copy).forEachPixel((from, to) -> to.setReal(from.getRealDouble()));
        return new ImageData(format, type, copy);
    }

    private static PixelType pixelType(RealType<?> element, boolean rgb) {
        int bits = element.getBitsPerPixel();
        if (element instanceof net.imglib2.type.numeric.real.FloatType) {
            return PixelType.GRAY32F;
        }
        if (bits == 8) {
            return rgb ? PixelType.RGB8 : PixelType.GRAY8;
        }
        return rgb ? PixelType.RGB16 : PixelType.GRAY16;
    }

    /** The centre {@code size} x {@code size} of an image with x and y first. */
    private static Img<UnsignedByteType> crop(Img<UnsignedByteType> image, int size) {
        long x0 = (image.dimension(0) - size) / 2;
        long y0 = (image.dimension(1) - size) / 2;
        long[] min = new long[image.numDimensions()];
        long[] max = new long[image.numDimensions()];
        min[0] = x0;
        min[1] = y0;
        max[0] = x0 + size - 1;
        max[1] = y0 + size - 1;
        for (int d = 2; d < min.length; d++) {
            max[d] = image.dimension(d) - 1;
        }
        Img<UnsignedByteType> out = image.factory().create(net.imglib2.util.Intervals.dimensionsAsLongArray(
                new net.imglib2.FinalInterval(min, max)));
        LoopBuilder.setImages(Views.interval(image, min, max), out).forEachPixel((from, to) -> to.set(from));
        return out;
    }
}
