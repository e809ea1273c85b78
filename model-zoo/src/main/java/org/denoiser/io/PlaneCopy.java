package org.denoiser.io;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;

/**
 * Copies rows between decoded java.awt pages and ImgLib2 images with axes (x, y, c, z). Values go
 * through {@code double}, which holds 8-bit, 16-bit and float samples exactly.
 */
final class PlaneCopy {

    private PlaneCopy() {
    }

    /**
     * Copies {@code rows} rows of a decoded page, or of a band of a page, into plane {@code z} of
     * {@code pixels} (and of {@code alpha} when the page has alpha), starting at row {@code firstRow}.
     */
    static void rowsToImg(PageSamples page, Img<? extends RealType<?>> pixels, Img<? extends RealType<?>> alpha,
            int z, int firstRow, int rows) {
        int width = (int) pixels.dimension(ImageData.X);
        double[] row = new double[width];
        RandomAccess<? extends RealType<?>> pixelAccess = pixels.randomAccess();
        for (int c = 0; c < page.type().channels(); c++) {
            for (int y = 0; y < rows; y++) {
                page.readRow(y, c, row);
                setRow(pixelAccess, row, firstRow + y, c, z);
            }
        }
        if (page.hasAlpha() && alpha != null) {
            RandomAccess<? extends RealType<?>> alphaAccess = alpha.randomAccess();
            for (int y = 0; y < rows; y++) {
                page.readAlphaRow(y, row);
                setRow(alphaAccess, row, firstRow + y, 0, z);
            }
        }
    }

    /** Reads row {@code y} of channel {@code c} in plane {@code z} into {@code row}. */
    static void getRow(RandomAccess<? extends RealType<?>> access, double[] row, long y, int c, long z) {
        access.setPosition(new long[] {0, y, c, z});
        for (int x = 0; x < row.length; x++) {
            row[x] = access.get().getRealDouble();
            access.fwd(ImageData.X);
        }
    }

    private static void setRow(RandomAccess<? extends RealType<?>> access, double[] row, long y, int c, long z) {
        access.setPosition(new long[] {0, y, c, z});
        for (int x = 0; x < row.length; x++) {
            access.get().setReal(row[x]);
            access.fwd(ImageData.X);
        }
    }
}
