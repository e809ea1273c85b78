package org.denoiser.io;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Copies one z-plane between an ImgLib2 image with axes (x, y, c, z) and a java.awt image.
 * Values go through {@code double}, which holds 8-bit, 16-bit and float samples exactly.
 */
final class PlaneCopy {

    private PlaneCopy() {
    }

    /** Copies a decoded page into plane {@code z} of {@code target}. */
    static void pageToImg(PageSamples page, Img<? extends RealType<?>> target, int z) {
        int width = (int) target.dimension(ImageData.X);
        int height = (int) target.dimension(ImageData.Y);
        int channels = (int) target.dimension(ImageData.C);
        double[] row = new double[width];
        // Flat iteration of the (x, y, c) slice runs x fastest, then y, then c: the loop order below.
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(Views.hyperSlice(target, ImageData.Z, z)).cursor();
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                page.readRow(y, c, row);
                for (int x = 0; x < width; x++) {
                    cursor.next().setReal(row[x]);
                }
            }
        }
    }

    /** Builds a java.awt image of plane {@code z}, with the bit depth of the image's pixel type. */
    static BufferedImage imgToPage(ImageData image, int z) {
        int width = image.width();
        int height = image.height();
        ComponentColorModel colorModel = colorModelFor(image.type());
        WritableRaster raster = colorModel.createCompatibleWritableRaster(width, height);
        double[] row = new double[width];
        RandomAccessibleInterval<? extends RealType<?>> plane = Views.hyperSlice(image.pixels(), ImageData.Z, z);
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(plane).cursor();
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    row[x] = cursor.next().getRealDouble();
                }
                raster.setSamples(0, y, width, 1, c, row);
            }
        }
        return new BufferedImage(colorModel, raster, false, null);
    }

    private static ComponentColorModel colorModelFor(PixelType type) {
        ColorSpace colorSpace = ColorSpace.getInstance(type.channels() == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int dataType = switch (type.sample()) {
            case UINT8 -> DataBuffer.TYPE_BYTE;
            case UINT16 -> DataBuffer.TYPE_USHORT;
            case FLOAT32 -> DataBuffer.TYPE_FLOAT;
        };
        return new ComponentColorModel(colorSpace, false, false, Transparency.OPAQUE, dataType);
    }
}
