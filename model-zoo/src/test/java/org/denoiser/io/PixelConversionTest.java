package org.denoiser.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs outside the five pixel types: converted where it loses nothing, rejected otherwise. */
class PixelConversionTest {

    private final ImageCodec codec = ImageCodec.defaults();

    @Test
    void grayWithAlphaKeepsGrayValuesAndDropsAlpha() throws IOException {
        BufferedImage image = componentImage(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_BYTE, 5, 4);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                raster.setPixel(x, y, new int[] {x * 50 + y, 255 - x * 40});
            }
        }

        ImageData read = codec.decode(encode(image, "png"));

        assertEquals(PixelType.GRAY8, read.type());
        assertEquals(4 * 50 + 3, sample(read, 4, 3, 0));
        assertEquals(3, sample(read, 0, 3, 0));
        assertEquals(1, read.channels());
    }

    @Test
    void rgbaKeepsColorValuesAndDropsAlpha() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(2, 1, 0x10_C0_80_40); // almost transparent, yet its color must survive

        ImageData read = codec.decode(encode(image, "png"));

        assertEquals(PixelType.RGB8, read.type());
        assertEquals(0xC0, sample(read, 2, 1, 0));
        assertEquals(0x80, sample(read, 2, 1, 1));
        assertEquals(0x40, sample(read, 2, 1, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tiff"})
    void colorPaletteBecomesRgb(String format) throws IOException {
        byte[] reds = {0, (byte) 200, 10};
        byte[] greens = {0, 100, 20};
        byte[] blues = {0, 50, (byte) 255};
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(2, 3, reds, greens, blues));
        image.getRaster().setSample(1, 2, 0, 1);
        image.getRaster().setSample(3, 0, 0, 2);

        ImageData read = codec.decode(encode(image, format));

        assertEquals(PixelType.RGB8, read.type());
        assertEquals(200, sample(read, 1, 2, 0));
        assertEquals(100, sample(read, 1, 2, 1));
        assertEquals(255, sample(read, 3, 0, 2));
        assertEquals(0, sample(read, 0, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tiff"})
    void oneBitImageBecomesGray8(String format) throws IOException {
        BufferedImage image = new BufferedImage(9, 2, BufferedImage.TYPE_BYTE_BINARY);
        image.getRaster().setSample(8, 1, 0, 1);

        ImageData read = codec.decode(encode(image, format));

        assertEquals(PixelType.GRAY8, read.type());
        assertEquals(255, sample(read, 8, 1, 0));
        assertEquals(0, sample(read, 7, 1, 0));
    }

    @Test
    void integer32BitTiffIsUnsupported() throws IOException {
        assertUnsupported(DataBuffer.TYPE_INT, "32-bit integer");
    }

    @Test
    void doubleTiffIsUnsupported() throws IOException {
        assertUnsupported(DataBuffer.TYPE_DOUBLE, "64-bit float");
    }

    @Test
    void signed16BitTiffIsUnsupported() throws IOException {
        assertUnsupported(DataBuffer.TYPE_SHORT, "signed 16-bit");
    }

    private void assertUnsupported(int dataType, String expectedWords) throws IOException {
        byte[] tiff = encode(componentImage(ColorSpace.CS_GRAY, false, dataType, 6, 5), "tiff");

        UnsupportedPixelTypeException e = assertThrows(UnsupportedPixelTypeException.class,
                () -> codec.decode(tiff, "odd.tif"));

        assertTrue(e.getMessage().startsWith("odd.tif: " + expectedWords), e.getMessage());
    }

    private static BufferedImage componentImage(int colorSpace, boolean alpha, int dataType, int width, int height) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(colorSpace), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        return new BufferedImage(model, model.createCompatibleWritableRaster(width, height), false, null);
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, bytes), "ImageIO found no " + format + " writer for this test image");
        return bytes.toByteArray();
    }

    private static int sample(ImageData image, int x, int y, int c) {
        RandomAccess<? extends RealType<?>> access = image.pixels().randomAccess();
        access.setPosition(new long[] {x, y, c, 0});
        return (int) access.get().getRealDouble();
    }
}
