package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;
import java.awt.Color;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.denoiser.api.AutoModel;
import org.denoiser.api.Denoiser;

/** Test images as ImageJ sees them, and the denoiser called directly for comparison. */
final class Fixtures {
    /** The small, fast seed model: for tests of the plugin's mechanics, not of denoising quality. */
    static final String MODEL = "denoise/mnist-seed";
    /** The shipped model for 16/32-bit camera noise, used where a test asserts a PSNR gain. */
    static final String CAMERA_MODEL = "denoise/poisson-gauss";
    /** The shipped model for Gaussian noise on 8-bit gray images; denoise/auto's pick for them. */
    static final String GAUSSIAN_MODEL = AutoModel.PHOTO_MODEL;
    /** The shipped model that denoises RGB jointly; denoise/auto's pick for RGB. */
    static final String COLOUR_MODEL = "denoise/photo-color";

    private Fixtures() {
    }

    /**
     * A gray ImageJ image from an ImgLib2 image x, y, ... whose further axes, in order, are
     * ImageJ's channels, slices and frames (ImageJ's own plane order: channel fastest).
     */
    static ImagePlus gray(String title, RandomAccessibleInterval<? extends RealType<?>> img, int channels, int slices, int frames) {
        int w = (int) img.dimension(0);
        int h = (int) img.dimension(1);
        ImageStack stack = new ImageStack(w, h);
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(img).cursor();
        long planes = Intervals.numElements(img) / ((long) w * h);
        RealType<?> type = img.getType();
        for (long p = 0; p < planes; p++) {
            ImageProcessor plane = switch (type.getBitsPerPixel()) {
                case 8 -> new ByteProcessor(w, h);
                case 16 -> new ShortProcessor(w, h);
                default -> new FloatProcessor(w, h);
            };
            for (int i = 0; i < w * h; i++) {
                plane.setf(i, cursor.next().getRealFloat());
            }
            stack.addSlice(plane);
        }
        ImagePlus imp = new ImagePlus(title, stack);
        imp.setDimensions(channels, slices, frames);
        imp.setOpenAsHyperStack(channels * slices * frames > 1 && (channels > 1 || (slices > 1 && frames > 1)));
        imp.resetDisplayRange();
        return imp;
    }

    /** An RGB ImageJ image from an 8-bit ImgLib2 image x, y, c (c = red, green, blue). */
    /**
     * A two-channel composite of {@code cells} (x, y, c, z) as a user leaves it: green and magenta
     * LUTs, display ranges 102..160 and 105..140.
     */
    static CompositeImage twoChannelComposite(String title, RandomAccessibleInterval<? extends RealType<?>> cells, int slices) {
        return twoChannelComposite(title, cells, slices, 1);
    }

    /** The same with {@code frames} time points: {@code cells} holds slices x frames planes per channel. */
    static CompositeImage twoChannelComposite(String title, RandomAccessibleInterval<? extends RealType<?>> cells,
            int slices, int frames) {
        CompositeImage image = new CompositeImage(gray(title, cells, 2, slices, frames), CompositeImage.COMPOSITE);
        image.setChannelLut(LUT.createLutFromColor(Color.GREEN), 1);
        image.setChannelLut(LUT.createLutFromColor(Color.MAGENTA), 2);
        image.setPositionWithoutUpdate(1, 1, 1);
        image.setDisplayRange(102, 160);
        image.setPositionWithoutUpdate(2, 1, 1);
        image.setDisplayRange(105, 140);
        return image;
    }

    static ImagePlus rgb(String title, RandomAccessibleInterval<UnsignedByteType> img) {
        return new ImagePlus(title, colourPlane(img));
    }

    /** An RGB stack, one slice per image (each x, y, colour). */
    @SafeVarargs
    static ImagePlus rgbStack(String title, RandomAccessibleInterval<UnsignedByteType>... slices) {
        ImageStack stack = new ImageStack((int) slices[0].dimension(0), (int) slices[0].dimension(1));
        for (RandomAccessibleInterval<UnsignedByteType> slice : slices) {
            stack.addSlice(colourPlane(slice));
        }
        return new ImagePlus(title, stack);
    }

    private static ColorProcessor colourPlane(RandomAccessibleInterval<UnsignedByteType> img) {
        int w = (int) img.dimension(0);
        int h = (int) img.dimension(1);
        byte[][] rgb = new byte[3][w * h];
        Cursor<UnsignedByteType> cursor = Views.flatIterable(img).cursor();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < w * h; i++) {
                rgb[c][i] = (byte) cursor.next().get();
            }
        }
        ColorProcessor plane = new ColorProcessor(w, h);
        plane.setRGB(rgb[0], rgb[1], rgb[2]);
        return plane;
    }

    /**
     * All gray channels of an ImageJ image, in ImgLib2 order (x, y, channel, slice, frame) without
     * the axes of size 1, so it compares with the synthetic images.
     */
    static RandomAccessibleInterval<? extends RealType<?>> pixels(ImagePlus imp) {
        HyperstackPixels pixels = HyperstackPixels.of(imp);
        java.util.List<RandomAccessibleInterval<UnsignedByteType>> channels = new java.util.ArrayList<>();
        for (int c = 0; c < pixels.grayChannels(); c++) {
            channels.add(pixels.channel(c));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        RandomAccessibleInterval<? extends RealType<?>> stacked = (RandomAccessibleInterval) Views.stack((java.util.List) channels);
        return Views.dropSingletonDimensions(Views.moveAxis(stacked, 4, 2)); // x, y, z, t, c -> x, y, c, z, t
    }

    /** What the Denoiser API gives for {@code img} directly, channel axis as given ({@code -1}: none). */
    static <T extends RealType<T> & NativeType<T>> Img<T> direct(RandomAccessibleInterval<T> img, int channelAxis) {
        return direct(img, channelAxis, MODEL);
    }

    /** The same with another model. */
    static <T extends RealType<T> & NativeType<T>> Img<T> direct(RandomAccessibleInterval<T> img, int channelAxis, String model) {
        try (Denoiser denoiser = Denoiser.builder().model(model).build()) {
            return denoiser.denoise(img, channelAxis);
        }
    }

    /** Same values in flat (x fastest) order; shapes may differ by axes of size 1. */
    static void assertSamePixels(RandomAccessibleInterval<? extends RealType<?>> expected,
            RandomAccessibleInterval<? extends RealType<?>> actual) {
        assertEquals(Intervals.numElements(expected), Intervals.numElements(actual), "pixel count");
        Cursor<? extends RealType<?>> e = Views.flatIterable(expected).cursor();
        Cursor<? extends RealType<?>> a = Views.flatIterable(actual).cursor();
        long i = 0;
        while (e.hasNext()) {
            double ev = e.next().getRealDouble();
            double av = a.next().getRealDouble();
            if (Double.compare(ev, av) != 0) {
                assertEquals(ev, av, "pixel " + i + " (flat index) differs");
            }
            i++;
        }
    }
}
