package org.denoiser.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.util.FitsOutputStream;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FITS as astronomers write it: every BITPIX, scaled and unsigned data, BLANK, cubes, several HDUs.
 * Files are made with nom-tam-fits (not by this codec); what comes back must differ only in the
 * pixels that were changed and in one added HISTORY card.
 */
class FitsFidelityTest {

    private final ImageCodec codec = ImageCodec.defaults();

    @ParameterizedTest(name = "BITPIX {0}")
    @ValueSource(ints = {8, 16, 32, 64, -32, -64})
    void everyBitpixReadsAsPhysicalValuesAndWritesBackByteForByte(int bitpix) throws Exception {
        byte[] file = write(primary(bitpix, 7, 5, 1), null);

        ImageData image = codec.decode(file, "sky.fits");

        assertEquals(stored(7, 5, 2, 1), sample(image, 2, 1, 0), "rows flipped: y = 0 is the last stored row");
        assertArrayEquals(file, codec.encode(image), "nothing changed, nothing noted: the same bytes");
    }

    @Test
    void unsigned16BitScaledDataAndBlankKeepTheirStorage() throws Exception {
        ImageHDU unsigned = primary(16, 6, 4, 1);
        unsigned.addValue("BZERO", 32768, "unsigned");
        unsigned.addValue("BSCALE", 1, "");
        ImageData u16 = codec.decode(write(unsigned, null));
        assertEquals(PixelType.GRAY16, u16.type());
        assertEquals(32768.0 + stored(6, 4, 2, 1), sample(u16, 2, 1, 0));

        ImageHDU scaled = primary(16, 6, 4, 1);
        scaled.addValue("BSCALE", 0.5, "");
        scaled.addValue("BZERO", 100.0, "");
        scaled.addValue("BLANK", 3, "undefined");
        byte[] scaledFile = write(scaled, null);
        ImageData physical = codec.decode(scaledFile);
        assertEquals(PixelType.GRAY32F, physical.type());
        assertEquals(100 + 0.5 * stored(6, 4, 2, 1), sample(physical, 2, 1, 0));
        assertTrue(Float.isNaN((float) sample(physical, 3, 3, 0)), "raw 3 is BLANK: undefined, NaN");
        assertArrayEquals(scaledFile, codec.encode(physical), "BLANK and scaling written back as they were");
    }

    @Test
    void changedPixelsAreStoredInTheFilesOwnBitpixWithOneHistoryCardAdded() throws Exception {
        ImageHDU hdu = primary(32, 8, 6, 3);
        hdu.addValue("EXPTIME", 120.5, "seconds");
        hdu.addValue("DATE-OBS", "2026-11-30T22:01:00", "start");
        hdu.addValue("CTYPE1", "RA---TAN", "WCS");
        hdu.addValue("CRVAL1", 150.1, "deg");
        hdu.getHeader().insertComment("observer's note");
        hdu.getHeader().insertHistory("flat-fielded");
        byte[] file = write(hdu, null);
        ImageData cube = codec.decode(file);
        assertEquals(3, cube.planes(), "NAXIS3 planes");

        RandomAccess<? extends RealType<?>> access = cube.pixels().randomAccess();
        access.setPosition(new long[] {1, 1, 0, 2});
        access.get().setReal(1000.4); // as a denoiser would change a value
        byte[] written = codec.encode(cube.withNote("Denoised by Denoiser with denoise/poisson-gauss 1.0"));

        Header before = header(file, 0);
        Header after = header(written, 0);
        assertEquals(before.getNumberOfCards() + 1, after.getNumberOfCards());
        assertEquals(32, after.getIntValue("BITPIX"));
        for (String key : List.of("EXPTIME", "DATE-OBS", "CTYPE1", "CRVAL1", "NAXIS3")) {
            assertEquals(before.findCard(key).toString(), after.findCard(key).toString(), key);
        }
        assertTrue(hasHistory(written, "Denoised by Denoiser with denoise/poisson-gauss 1.0"));
        assertTrue(hasHistory(written, "flat-fielded"), "the file's own history stays");
        assertTrue(cards(written).stream().anyMatch(c -> c.contains("observer's note")));
        ImageData back = codec.decode(written);
        assertEquals(1000.0, sample(back, 1, 1, 2), "rounded to the file's 32-bit integers");
        assertEquals(sample(cube, 3, 2, 1), sample(back, 3, 2, 1));
    }

    @Test
    void aCubesAxesAreNamedAndCalibratedAsItsHeaderSays() throws Exception {
        ImageHDU hdu = primary(-32, 8, 6, 3);
        hdu.addValue("CTYPE1", "RA---TAN", "");
        hdu.addValue("CDELT1", -2.5e-4, "");
        hdu.addValue("CUNIT1", "deg", "");
        hdu.addValue("CTYPE3", "WAVE", "");
        hdu.addValue("CDELT3", 1.25, "");
        hdu.addValue("CUNIT3", "nm", "");
        ImageData cube = codec.decode(write(hdu, null));

        assertEquals("RA---TAN 8 (-0.00025 deg), y 6, WAVE 3 (1.25 nm)", Axis.describe(cube.axes()));
        ImageData plain = codec.decode(write(primary(-32, 8, 6, 1), null));
        assertEquals("x 8, y 6", Axis.describe(plain.axes()), "a single plane without WCS has plain x and y");
    }

    @Test
    void aNamedExtensionIsDenoisedAndEveryOtherHduKeptByteForByte() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Fits fits = new Fits(); FitsOutputStream out = new FitsOutputStream(bytes)) {
            ImageHDU empty = (ImageHDU) Fits.makeHDU((Object) null);
            empty.addValue("TELESCOP", "HST", "");
            fits.addHDU(empty);
            ImageHDU science = primary(-32, 9, 7, 1);
            science.addValue("EXTNAME", "SCI", "");
            fits.addHDU(science);
            ImageHDU error = primary(-32, 9, 7, 1);
            error.addValue("EXTNAME", "ERR", "");
            fits.addHDU(error);
            fits.addHDU(Fits.makeHDU(new Object[] {new int[] {1, 2, 3}, new double[] {0.5, 1.5, 2.5}}));
            fits.write(out);
        }
        byte[] file = bytes.toByteArray();

        ImageData sci = codec.decode(file);
        assertEquals(9, sci.width(), "the first image extension, since the primary holds none");
        ImageData err = codec.withFitsHdu("err").decode(file);
        assertEquals(stored(9, 7, 2, 1), sample(err, 2, 1, 0));
        assertArrayEquals(file, codec.encode(err), "the other HDUs (primary, SCI, a table) byte for byte");
        assertEquals(stored(9, 7, 2, 1), sample(codec.withFitsHdu("2").decode(file), 2, 1, 0), "by index too");

        UnsupportedPixelTypeException missing = assertThrows(UnsupportedPixelTypeException.class,
                () -> codec.withFitsHdu("DQ").decode(file, "hst.fits"));
        assertTrue(missing.getMessage().contains("no HDU named 'DQ'") && missing.getMessage().contains("IMAGE SCI"),
                missing.getMessage());
    }

    /** Values 0..w*h*planes-1 row by row from the first stored (bottom) row, in the given BITPIX. */
    private static ImageHDU primary(int bitpix, int width, int height, int planes) throws FitsException {
        Object data = switch (bitpix) {
            case 8 -> new byte[planes][height][width];
            case 16 -> new short[planes][height][width];
            case 32 -> new int[planes][height][width];
            case 64 -> new long[planes][height][width];
            case -32 -> new float[planes][height][width];
            default -> new double[planes][height][width];
        };
        int value = 0;
        for (int z = 0; z < planes; z++) {
            for (int y = 0; y < height; y++) {
                Object row = ((Object[]) ((Object[]) data)[z])[y];
                for (int x = 0; x < width; x++) {
                    java.lang.reflect.Array.set(row, x, convert(value++ % 120, bitpix));
                }
            }
        }
        Object image = planes == 1 ? ((Object[]) data)[0] : data;
        return (ImageHDU) Fits.makeHDU(image);
    }

    /** The value {@link #primary} stores at image position (x, y) of the first plane. */
    private static double stored(int width, int height, int x, int y) {
        return ((height - 1 - y) * width + x) % 120;
    }

    private static Object convert(int value, int bitpix) {
        return switch (bitpix) {
            case 8 -> (byte) value;
            case 16 -> (short) value;
            case 32 -> value;
            case 64 -> (long) value;
            case -32 -> (float) value;
            default -> (double) value;
        };
    }

    private static byte[] write(BasicHDU<?> hdu, BasicHDU<?> extension) throws IOException, FitsException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Fits fits = new Fits(); FitsOutputStream out = new FitsOutputStream(bytes)) {
            fits.addHDU(hdu);
            if (extension != null) {
                fits.addHDU(extension);
            }
            fits.write(out);
        }
        return bytes.toByteArray();
    }

    private static Header header(byte[] file, int index) throws IOException, FitsException {
        try (Fits fits = new Fits(new ByteArrayInputStream(file))) {
            return fits.getHDU(index).getHeader();
        }
    }

    private static List<String> cards(byte[] file) {
        List<String> cards = new ArrayList<>();
        for (int i = 0; i + 80 <= Math.min(file.length, 2880 * 4); i += 80) {
            cards.add(new String(file, i, 80, StandardCharsets.US_ASCII));
        }
        return cards;
    }

    private static boolean hasHistory(byte[] file, String text) {
        return cards(file).stream().anyMatch(card -> card.startsWith("HISTORY ") && card.substring(8).trim().equals(text));
    }

    private static double sample(ImageData image, int x, int y, int z) {
        RandomAccess<? extends RealType<?>> access = image.pixels().randomAccess();
        access.setPosition(new long[] {x, y, 0, z});
        return access.get().getRealDouble();
    }
}
