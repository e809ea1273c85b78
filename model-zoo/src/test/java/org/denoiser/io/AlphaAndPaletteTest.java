package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.assertSamePixels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Alpha travels beside the pixels untouched; palettes expand to the colors they show. */
class AlphaAndPaletteTest {

    private final ImageCodec codec = ImageCodec.defaults();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"png, GRAY8", "png, GRAY16", "png, RGB8", "png, RGB16", "tiff, GRAY8", "tiff, RGB16"})
    void alphaIsReadBesideTheColorsAndWrittenBackUnchanged(String format, PixelType type) throws IOException {
        BufferedImage page = withAlpha(type, 7, 5);
        byte[] file = write(page, format);

        ImageData image = codec.decode(file, "rgba");

        assertEquals(type, image.type());
        assertTrue(image.hasAlpha());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(page.getRaster().getSample(x, y, type.channels()), sample(image.alpha(), x, y, 0),
                        "alpha at " + x + ", " + y);
                assertEquals(page.getRaster().getSample(x, y, 0), sample(image.pixels(), x, y, 0), "color at " + x + ", " + y);
            }
        }
        ImageData again = codec.decode(codec.encode(image));
        assertSamePixels(image, again);
        assertSamePixels(alphaAsGray(image), alphaAsGray(again));
    }

    @Test
    void transparentPaletteEntriesBecomeAlphaAndColorsTheirPaletteValues() throws IOException {
        byte[] reds = {0, (byte) 200, 10};
        byte[] greens = {0, 100, 20};
        byte[] blues = {0, 50, 30};
        byte[] alphas = {0, (byte) 255, (byte) 128};
        BufferedImage page = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 3, reds, greens, blues, alphas));
        page.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {2, 1, 0});

        ImageData image = codec.decode(write(page, "png"), "palette.png");

        assertEquals(PixelType.RGB8, image.type());
        assertTrue(image.hasAlpha());
        assertEquals(10, sample(image.pixels(), 0, 0, 0));
        assertEquals(100, sample(image.pixels(), 1, 0, 1));
        assertEquals(128, sample(image.alpha(), 0, 0, 0));
        assertEquals(0, sample(image.alpha(), 2, 0, 0));
    }

    @Test
    void opaqueGrayPaletteBecomesGray8WithoutAlpha() throws IOException {
        byte[] grays = {0, 90, (byte) 255};
        BufferedImage page = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, grays, grays, grays));
        page.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {1, 2, 0});

        ImageData image = codec.decode(write(page, "png"), "gray-palette.png");

        assertEquals(PixelType.GRAY8, image.type());
        assertFalse(image.hasAlpha());
        assertEquals(90, sample(image.pixels(), 0, 0, 0));
    }

    @Test
    void fitsRefusesAlphaInsteadOfDroppingIt() throws IOException {
        ImageData image = codec.decode(write(withAlpha(PixelType.GRAY16, 4, 4), "png"));

        UnsupportedPixelTypeException e = assertThrows(UnsupportedPixelTypeException.class,
                () -> codec.encode(image, ImageFormat.FITS));

        assertTrue(e.getMessage().contains("FITS has no alpha"), e.getMessage());
    }

    /** A page with color samples from a pattern and alpha from another, in {@code type}'s bit depth. */
    private static BufferedImage withAlpha(PixelType type, int width, int height) {
        var colorModel = PageView.colorModelFor(type, true);
        WritableRaster raster = colorModel.createCompatibleWritableRaster(width, height);
        int max = type.bitsPerSample() == 8 ? 255 : 65535;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < type.channels(); c++) {
                    raster.setSample(x, y, c, (x * 37 + y * 101 + c * 53) * 97 % (max + 1));
                }
                raster.setSample(x, y, type.channels(), (x * 11 + y * 29) * 131 % (max + 1));
            }
        }
        return new BufferedImage(colorModel, raster, false, null);
    }

    private static byte[] write(BufferedImage page, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(page, format, out), "no " + format + " writer for this layout");
        assertEquals(page.getColorModel().hasAlpha(), ImageIO.read(new ByteArrayInputStream(out.toByteArray()))
                .getColorModel().hasAlpha());
        return out.toByteArray();
    }

    /** The alpha plane as a gray image, to compare it with {@code assertSamePixels}. */
    private static ImageData alphaAsGray(ImageData image) {
        PixelType gray = image.type().bitsPerSample() == 8 ? PixelType.GRAY8 : PixelType.GRAY16;
        return new ImageData(image.format(), gray, image.alpha());
    }

    private static double sample(net.imglib2.img.Img<? extends RealType<?>> img, int x, int y, int c) {
        RandomAccess<? extends RealType<?>> access = img.randomAccess();
        access.setPosition(new long[] {x, y, c, 0});
        return access.get().getRealDouble();
    }
}
