package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.assertSamePixels;
import static org.denoiser.io.SyntheticImages.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.denoiser.api.DenoiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Planes large enough to be decoded in several bands of strips and written from several bands of
 * rows (more than 4 M samples): every pixel must land where it was, whatever the strip, tile and
 * compression layout of the file.
 */
class LargePlaneTest {

    private static final int SIDE = 2100; // 4.4 M samples a plane: two decode bands, nine write bands

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = TiffCompression.class, names = {"NONE", "LZW"}) // deflate: rows of at most 8000 bytes
    void bandedTiffRoundTripKeepsEveryPixel(TiffCompression compression) {
        ImageData original = pattern(ImageFormat.TIFF, PixelType.GRAY16, SIDE, SIDE, 2);
        ImageCodec codec = ImageCodec.defaults().withTiffCompression(compression);
        Path file = dir.resolve("large.tif");

        codec.write(original, file); // over the in-memory staging size: staged in a temporary file

        assertSamePixels(original, codec.read(file));
    }

    /** The JDK's deflate encoder drops bytes of strips over ~16 KB that do not compress (see DeflateStrips). */
    @Test
    void deflateTiffOfIncompressibleWideRowsKeepsEveryPixel() {
        ImageData noise = pattern(ImageFormat.TIFF, PixelType.GRAY32F, DeflateStrips.MAX_STRIP_BYTES / 4, 40, 2);
        ImageCodec deflate = ImageCodec.defaults().withTiffCompression(TiffCompression.DEFLATE);

        assertSamePixels(noise, deflate.decode(deflate.encode(noise)));
        DenoiseException tooWide = assertThrows(DenoiseException.class,
                () -> deflate.encode(pattern(ImageFormat.TIFF, PixelType.GRAY16, 16384, 2, 1)));
        assertTrue(tooWide.getMessage().contains("write this image uncompressed or with LZW"), tooWide.getMessage());
    }

    @Test
    void rgbPngAndFitsRoundTripsKeepEveryPixel() {
        ImageData rgb = pattern(ImageFormat.PNG, PixelType.RGB8, SIDE, 700, 1);
        ImageData floats = pattern(ImageFormat.FITS, PixelType.GRAY32F, SIDE, SIDE, 1);
        ImageCodec codec = ImageCodec.defaults();

        assertSamePixels(rgb, codec.decode(codec.encode(rgb)));
        assertSamePixels(floats, codec.decode(codec.encode(floats)));
    }

    /** A tiled TIFF (256 x 256 tiles, not strips), written by the JDK directly, read in bands of tile rows. */
    @Test
    void tiledTiffIsReadInBandsOfTileRows() throws IOException {
        ImageData original = pattern(ImageFormat.TIFF, PixelType.GRAY8, SIDE, SIDE, 1);
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(ImageCodec.defaults().encode(original)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
            param.setTiling(256, 256, 0, 0);
            writer.write(null, new IIOImage(page, null, null), param);
        } finally {
            writer.dispose();
        }
        assertEquals(256, tileHeight(bytes.toByteArray()));

        assertSamePixels(original, ImageCodec.defaults().decode(bytes.toByteArray()));
    }

    private static int tileHeight(byte[] tiff) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(tiff))) {
            reader.setInput(in);
            return reader.getTileHeight(0);
        } finally {
            reader.dispose();
        }
    }
}
