package org.denoiser.io;

import java.io.IOException;
import java.io.OutputStream;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.util.FitsOutputStream;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Encodes a gray image or stack as a FITS primary image, the counterpart of {@link FitsDecoder}:
 * GRAY8 as 8-bit, GRAY16 as 16-bit with BZERO 32768, GRAY32F as 32-bit float, bottom row first.
 */
final class FitsEncoder {

    /** FITS has only signed 16-bit integers; unsigned data is stored shifted by this offset. */
    static final int UNSIGNED_16_ZERO = 32768;

    private FitsEncoder() {
    }

    /** Writes {@code image} to {@code out}, which is flushed but not closed. */
    static void encode(ImageData image, OutputStream out) throws IOException {
        if (image.channels() != 1) {
            throw new UnsupportedPixelTypeException(
                    "FITS stores gray images only, not " + image.type() + "; write the image as PNG or TIFF");
        }
        BasicHDU<?> hdu = Fits.makeHDU(rowsBottomUp(image));
        if (image.type() == PixelType.GRAY16) {
            hdu.getHeader().addValue("BZERO", UNSIGNED_16_ZERO, "unsigned 16-bit data");
            hdu.getHeader().addValue("BSCALE", 1, "unsigned 16-bit data");
        }
        // Not closed: closing would close the caller's stream.
        FitsOutputStream fits = new FitsOutputStream(out);
        hdu.write(fits);
        fits.flush();
    }

    /** The pixels as a Java array [plane][row][column] (or [row][column] for one plane). */
    private static Object rowsBottomUp(ImageData image) {
        int width = image.width();
        int height = image.height();
        int planes = image.planes();
        Object[] stack = switch (image.type()) {
            case GRAY8 -> new byte[planes][height][width];
            case GRAY16 -> new short[planes][height][width];
            default -> new float[planes][height][width];
        };
        RandomAccess<? extends RealType<?>> access = image.pixels().randomAccess();
        for (int z = 0; z < planes; z++) {
            for (int y = 0; y < height; y++) {
                access.setPosition(new long[] {0, y, 0, z});
                Object row = ((Object[]) stack[z])[height - 1 - y];
                for (int x = 0; x < width; x++) {
                    double value = access.get().getRealDouble();
                    switch (image.type()) {
                        case GRAY8 -> ((byte[]) row)[x] = (byte) value;
                        case GRAY16 -> ((short[]) row)[x] = (short) (value - UNSIGNED_16_ZERO);
                        default -> ((float[]) row)[x] = (float) value;
                    }
                    access.fwd(ImageData.X);
                }
            }
        }
        return planes == 1 ? stack[0] : stack;
    }
}
