package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.assertSamePixels;
import static org.denoiser.io.SyntheticImages.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.util.FitsOutputStream;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FitsCodecTest {

    private final ImageCodec codec = ImageCodec.defaults();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} x{1} pages")
    @CsvSource({"GRAY8, 1", "GRAY16, 1", "GRAY32F, 1", "GRAY8, 5", "GRAY16, 5", "GRAY32F, 5"})
    void roundTripKeepsEveryPixel(PixelType type, int planes) {
        ImageData original = pattern(ImageFormat.FITS, type, 23, 17, planes);
        Path file = dir.resolve("image.fits");

        codec.write(original, file);
        ImageData read = codec.read(file);

        assertEquals(ImageFormat.FITS, read.format());
        assertSamePixels(original, read);
        assertSamePixels(original, codec.decode(codec.encode(original)));
    }

    @Test
    void firstStoredRowIsTheBottomRowAsFitsViewersExpect() throws IOException {
        ImageData image = pattern(ImageFormat.FITS, PixelType.GRAY16, 5, 4, 1);

        short[][] stored = (short[][]) readPrimaryImage(codec.encode(image));

        RandomAccess<? extends RealType<?>> access = image.pixels().randomAccess();
        access.setPosition(new long[] {2, 3, 0, 0}); // x = 2 on the bottom row
        assertEquals(access.get().getRealDouble(), stored[0][2] + 32768.0);
    }

    @Test
    void signed16BitDataBecomesFloatWithNegativeValuesKept() throws IOException {
        short[][] signed = {{-32768, -1, 0}, {1, 1234, 32767}};

        ImageData read = codec.decode(fitsBytes(signed));

        assertEquals(PixelType.GRAY32F, read.type());
        assertEquals(-32768.0, sample(read, 0, 1)); // the first stored row is the bottom one
        assertEquals(32767.0, sample(read, 2, 0));
    }

    @Test
    void floatValuesBeyondTheFloatRangeAreRefusedByName() throws IOException {
        byte[] bytes = fitsBytes(new double[][] {{1, 2}, {3, 1e300}});

        UnsupportedPixelTypeException e = assertThrows(UnsupportedPixelTypeException.class,
                () -> codec.decode(bytes, "huge.fits"));

        assertTrue(e.getMessage().startsWith("huge.fits: a value (1.0E300) is beyond the 32-bit float range"), e.getMessage());
    }

    @Test
    void rgbCannotBeWrittenAsFits() {
        ImageData rgb = pattern(ImageFormat.PNG, PixelType.RGB8, 4, 4, 1);

        assertThrows(UnsupportedPixelTypeException.class, () -> codec.encode(rgb, ImageFormat.FITS));
    }

    @Test
    void truncatedFitsIsCorrupt() {
        byte[] whole = codec.encode(pattern(ImageFormat.FITS, PixelType.GRAY32F, 40, 40, 2));

        CorruptImageException e = assertThrows(CorruptImageException.class,
                () -> codec.decode(Arrays.copyOf(whole, whole.length - 3000), "cut.fits"));

        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void fitsSignatureFollowedByGarbageIsCorrupt() {
        byte[] bytes = new byte[2880];
        Arrays.fill(bytes, (byte) '?');
        System.arraycopy("SIMPLE  =".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 9);

        assertThrows(CorruptImageException.class, () -> codec.decode(bytes, "junk.fits"));
    }

    @Test
    void sizeGuardReadsTheHeaderOnly() {
        byte[] stack = codec.encode(pattern(ImageFormat.FITS, PixelType.GRAY8, 10, 10, 3));

        assertThrows(ImageTooLargeException.class, () -> codec.withMaxPixels(299).decode(stack));
        assertEquals(3, codec.withMaxPixels(300).decode(stack).planes());
    }

    /** FITS written by nom-tam-fits directly, to read data the codec itself never writes. */
    private static byte[] fitsBytes(Object rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FitsOutputStream out = new FitsOutputStream(bytes)) {
            Fits.makeHDU(rows).write(out);
        }
        return bytes.toByteArray();
    }

    private static Object readPrimaryImage(byte[] bytes) throws IOException {
        try (Fits fits = new Fits(new java.io.ByteArrayInputStream(bytes))) {
            BasicHDU<?> hdu = fits.readHDU();
            return hdu.getKernel();
        }
    }

    private static double sample(ImageData image, int x, int y) {
        RandomAccess<? extends RealType<?>> access = image.pixels().randomAccess();
        access.setPosition(new long[] {x, y, 0, 0});
        return access.get().getRealDouble();
    }
}
