package org.denoiser.kafka.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.junit.jupiter.api.Test;

/** A 4-sample TIFF (or a PNG with alpha) is refused with the reason, never flattened to 3 samples. */
class ExtraSamplesTest {
    private final ImageCodec codec = ImageCodec.defaults();

    @Test
    void aFourSampleTiffIsRefusedNamingItsSamples() throws IOException {
        UnsupportedPixelTypeException e = assertThrows(UnsupportedPixelTypeException.class,
                () -> ImagePayload.decode(encode(BufferedImage.TYPE_4BYTE_ABGR, "tiff"), new RecordHeaders(), codec, "record t-0@0"));
        assertTrue(e.getMessage().contains("4 samples per pixel, 3 color and 1 extra"), e.getMessage());
        assertEquals(ErrorKind.UNSUPPORTED_PIXEL_TYPE, ErrorKind.of(e), "dead-lettered as unsupported-pixel-type");
    }

    @Test
    void aGrayPngWithAlphaIsRefused() throws IOException {
        BufferedImage grayAlpha = new java.awt.image.BufferedImage(new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY), true, false,
                java.awt.Transparency.TRANSLUCENT, java.awt.image.DataBuffer.TYPE_BYTE),
                java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 32, 24, 2, null), false, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(grayAlpha, "png", out));
        UnsupportedPixelTypeException e = assertThrows(UnsupportedPixelTypeException.class,
                () -> ImagePayload.decode(out.toByteArray(), new RecordHeaders(), codec, "record p-0@0"));
        assertTrue(e.getMessage().contains("2 samples per pixel, 1 color and 1 extra"), e.getMessage());
    }

    @Test
    void rgbAndPaletteImagesPass() throws IOException {
        ImageData rgb = ImagePayload.decode(encode(BufferedImage.TYPE_3BYTE_BGR, "tiff"), new RecordHeaders(), codec, "rgb").image();
        assertEquals(3, rgb.pixels().dimension(ImageData.C));
        ImageData palette = ImagePayload.decode(encode(BufferedImage.TYPE_BYTE_INDEXED, "png"), new RecordHeaders(), codec, "p").image();
        assertTrue(palette.pixels().dimension(ImageData.C) >= 1);
    }

    private static byte[] encode(int type, String format) throws IOException {
        BufferedImage image = new BufferedImage(32, 24, type);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, (x * 8 << 24) | (y * 10 << 16) | (x * 3 << 8) | 77);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }
}
