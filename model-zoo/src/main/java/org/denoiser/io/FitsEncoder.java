package org.denoiser.io;

import java.io.IOException;
import java.io.OutputStream;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import nom.tam.fits.FitsException;
import nom.tam.fits.FitsUtil;
import nom.tam.fits.Header;
import nom.tam.fits.header.Standard;
import nom.tam.util.FitsOutputStream;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Encodes a gray image or stack as a FITS primary image, the counterpart of {@link FitsDecoder}:
 * GRAY8 as 8-bit, GRAY16 as 16-bit with BZERO 32768, GRAY32F as 32-bit float, bottom row first.
 * The header comes from nom-tam-fits; the data is written one row at a time, so encoding holds a
 * row, never a copy of the image.
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
        if (image.hasAlpha()) {
            throw new UnsupportedPixelTypeException(
                    "FITS has no alpha (transparency) channel; write the image as PNG or TIFF to keep it");
        }
        // Not closed: closing would close the caller's stream.
        FitsOutputStream fits = new FitsOutputStream(out);
        try {
            header(image).write(fits);
            long bytes = writeRowsBottomUp(image, fits);
            FitsUtil.pad(fits, bytes);
        } catch (FitsException e) {
            throw new IOException(e.getMessage(), e);
        }
        fits.flush();
    }

    private static Header header(ImageData image) throws FitsException {
        Header header = new Header();
        header.addValue(Standard.SIMPLE, true);
        header.addValue(Standard.BITPIX, bitpix(image));
        boolean stack = image.planes() > 1;
        header.addValue(Standard.NAXIS, stack ? 3 : 2);
        header.addValue(Standard.NAXISn.n(1), image.width());
        header.addValue(Standard.NAXISn.n(2), image.height());
        if (stack) {
            header.addValue(Standard.NAXISn.n(3), image.planes());
        }
        header.addValue(Standard.EXTEND, true);
        if (image.type() == PixelType.GRAY16) {
            header.addValue("BZERO", UNSIGNED_16_ZERO, "unsigned 16-bit data");
            header.addValue("BSCALE", 1, "unsigned 16-bit data");
        }
        return header;
    }

    /** Writes the samples, FITS's bottom row first, and returns how many bytes that took. */
    private static long writeRowsBottomUp(ImageData image, FitsOutputStream fits) throws IOException {
        int width = image.width();
        double[] row = new double[width];
        byte[] bytes = new byte[width];
        short[] shorts = new short[width];
        float[] floats = new float[width];
        RandomAccess<? extends RealType<?>> access = image.pixels().randomAccess();
        for (int z = 0; z < image.planes(); z++) {
            for (int y = image.height() - 1; y >= 0; y--) {
                PlaneCopy.getRow(access, row, y, 0, z);
                for (int x = 0; x < width; x++) {
                    switch (image.type()) {
                        case GRAY8 -> bytes[x] = (byte) row[x];
                        case GRAY16 -> shorts[x] = (short) (row[x] - UNSIGNED_16_ZERO);
                        default -> floats[x] = (float) row[x];
                    }
                }
                switch (image.type()) {
                    case GRAY8 -> fits.write(bytes);
                    case GRAY16 -> fits.write(shorts);
                    default -> fits.write(floats);
                }
            }
        }
        return (long) width * image.height() * image.planes() * (Math.abs(bitpix(image)) / 8);
    }

    private static int bitpix(ImageData image) {
        return switch (image.type()) {
            case GRAY8 -> 8;
            case GRAY16 -> 16;
            default -> -32;
        };
    }
}
