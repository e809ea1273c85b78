package org.denoiser.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Decodes the primary image of a FITS file: 2 axes for one picture, 3 for a stack. Samples are
 * converted to their physical values (BSCALE x raw + BZERO):
 * <ul>
 *   <li>8-bit without scaling becomes GRAY8;</li>
 *   <li>16-bit with BZERO 32768 (the FITS convention for unsigned data) becomes GRAY16;</li>
 *   <li>other 16-bit data (signed or scaled) and 32-bit float become GRAY32F, which holds
 *       every signed 16-bit value exactly;</li>
 *   <li>32-bit and 64-bit integers and 64-bit floats are not supported.</li>
 * </ul>
 * FITS stores the bottom row first; rows are flipped so that y = 0 is the top row, as ImageJ
 * and DS9 show it.
 */
final class FitsDecoder {

    private final String source;
    private final PixelLimit limit;

    FitsDecoder(String source, PixelLimit limit) {
        this.source = source;
        this.limit = limit;
    }

    /** Reads the image from {@code in}, and closes it. */
    ImageData decode(InputStream in) {
        try (FitsInputStream fits = new FitsInputStream(in)) {
            Header header = Header.readHeader(fits);
            if (header == null) {
                throw new CorruptImageException(source + ": the FITS file has no header");
            }
            return readImage(header, fits);
        } catch (DenoiseException e) {
            throw e;
        } catch (EOFException e) {
            throw new CorruptImageException(source + ": not a readable FITS image (the data ends too early;"
                    + " the file is truncated)", e);
        } catch (IOException | RuntimeException e) {
            // nom-tam reports bad headers as FitsException, a runtime exception.
            throw new CorruptImageException(source + ": not a readable FITS image (" + e.getMessage() + ")", e);
        }
    }

    private ImageData readImage(Header header, FitsInputStream fits) throws IOException {
        int axes = header.getIntValue("NAXIS", 0);
        if (axes != 2 && axes != 3) {
            throw new UnsupportedPixelTypeException(source + ": the primary FITS image has " + axes
                    + " axes; only 2 (one image) or 3 (a stack) are supported");
        }
        int width = header.getIntValue("NAXIS1", 0);
        int height = header.getIntValue("NAXIS2", 0);
        int planes = axes == 3 ? header.getIntValue("NAXIS3", 0) : 1;
        if (width < 1 || height < 1 || planes < 1) {
            throw new CorruptImageException(source + ": invalid FITS image size " + width + "x" + height + "x" + planes);
        }
        int bitpix = header.getIntValue("BITPIX", 0);
        double scale = header.getDoubleValue("BSCALE", 1);
        double zero = header.getDoubleValue("BZERO", 0);
        PixelType type = pixelType(bitpix, scale, zero);
        limit.check(source, width, height, planes, 1, type.bitsPerSample() / 8);
        Img<? extends RealType<?>> pixels = type.allocate(width, height, planes);
        RowReader rows = rowReader(bitpix, width, fits);
        double[] row = new double[width];
        RandomAccess<? extends RealType<?>> access = pixels.randomAccess();
        for (int z = 0; z < planes; z++) {
            for (int fitsRow = 0; fitsRow < height; fitsRow++) {
                rows.read(row);
                access.setPosition(new long[] {0, height - 1 - fitsRow, 0, z});
                for (int x = 0; x < width; x++) {
                    access.get().setReal(scale * row[x] + zero);
                    access.fwd(ImageData.X);
                }
            }
        }
        return new ImageData(ImageFormat.FITS, type, pixels);
    }

    private PixelType pixelType(int bitpix, double scale, double zero) {
        boolean unscaled = scale == 1 && zero == 0;
        return switch (bitpix) {
            case 8 -> unscaled ? PixelType.GRAY8 : PixelType.GRAY32F;
            case 16 -> scale == 1 && zero == FitsEncoder.UNSIGNED_16_ZERO ? PixelType.GRAY16 : PixelType.GRAY32F;
            case -32 -> PixelType.GRAY32F;
            case 32, 64 -> throw new UnsupportedPixelTypeException(source + ": " + bitpix
                    + "-bit integer FITS data is not supported; convert to 16-bit or 32-bit float");
            case -64 -> throw new UnsupportedPixelTypeException(
                    source + ": 64-bit float FITS data is not supported; convert to 32-bit float");
            default -> throw new CorruptImageException(source + ": invalid FITS BITPIX " + bitpix);
        };
    }

    /** Reads one row of raw values, big-endian as FITS stores them. */
    @FunctionalInterface
    private interface RowReader {
        void read(double[] row) throws IOException;
    }

    private static RowReader rowReader(int bitpix, int width, FitsInputStream fits) {
        return switch (bitpix) {
            case 8 -> {
                byte[] raw = new byte[width];
                yield row -> {
                    fits.readFully(raw);
                    for (int x = 0; x < width; x++) {
                        row[x] = raw[x] & 0xFF; // FITS 8-bit data is unsigned
                    }
                };
            }
            case 16 -> {
                short[] raw = new short[width];
                yield row -> {
                    readFully(fits.read(raw, 0, width), width * Short.BYTES);
                    for (int x = 0; x < width; x++) {
                        row[x] = raw[x];
                    }
                };
            }
            default -> {
                float[] raw = new float[width];
                yield row -> {
                    readFully(fits.read(raw, 0, width), width * Float.BYTES);
                    for (int x = 0; x < width; x++) {
                        row[x] = raw[x];
                    }
                };
            }
        };
    }

    /** nom-tam's array reads return the number of bytes read, fewer at the end of the data. */
    private static void readFully(int bytesRead, int bytesWanted) throws EOFException {
        if (bytesRead != bytesWanted) {
            throw new EOFException("read " + bytesRead + " of " + bytesWanted + " bytes");
        }
    }
}
