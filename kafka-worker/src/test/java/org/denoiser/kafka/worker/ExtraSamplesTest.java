package org.denoiser.kafka.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import net.imglib2.type.numeric.RealType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.testimages.ExtraSampleTiff;
import org.junit.jupiter.api.Test;

/**
 * Alpha is kept, as the command line keeps it; a sample the decoded image does not hold is
 * refused with the reason, never flattened away.
 */
class ExtraSamplesTest {
    private final ImageCodec codec = ImageCodec.defaults();

    @Test
    void aTiffWithAlphaPassesWithItsAlpha() throws IOException {
        ImageData rgba = decode(encode(BufferedImage.TYPE_4BYTE_ABGR, "tiff"));
        assertEquals(3, rgba.channels());
        assertTrue(rgba.hasAlpha(), "the fourth sample is kept as alpha");
        assertEquals(3 * 77 % 256, alphaAt(rgba, 3, 0), "the alpha as written");
    }

    @Test
    void aGrayPngWithAlphaPassesWithItsAlpha() throws IOException {
        BufferedImage grayAlpha = new BufferedImage(new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT),
                Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, 32, 24, 2, null), false, null);
        grayAlpha.getRaster().setSample(5, 7, 1, 40_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(grayAlpha, "png", out));
        ImageData image = decode(out.toByteArray());
        assertEquals(1, image.channels());
        assertTrue(image.hasAlpha());
        assertEquals(40_000, alphaAt(image, 5, 7), "16-bit alpha as written");
        assertEquals(0, alphaAt(image, 6, 7));
    }

    @Test
    void rgbAndPaletteImagesPass() throws IOException {
        ImageData rgb = decode(encode(BufferedImage.TYPE_3BYTE_BGR, "tiff"));
        assertEquals(3, rgb.channels());
        ImageData palette = decode(encode(BufferedImage.TYPE_BYTE_INDEXED, "png"));
        assertTrue(palette.channels() >= 1);
    }

    @Test
    void aSampleTheDecodedImageDoesNotHoldIsRefusedNamingIt() throws IOException {
        byte[] rgba = encode(BufferedImage.TYPE_4BYTE_ABGR, "tiff");
        ImageData decoded = codec.decode(rgba);
        ImageData withoutAlpha = new ImageData(decoded.format(), decoded.type(), decoded.pixels()); // as if the codec dropped it
        UnsupportedPixelTypeException e = assertThrows(UnsupportedPixelTypeException.class,
                () -> ExtraSamples.requireNoneLost(rgba, withoutAlpha, "record t-0@0"));
        assertTrue(e.getMessage().startsWith("record t-0@0 has 4 samples per pixel, 3 color and 1 more;"), e.getMessage());
        assertEquals(ErrorKind.UNSUPPORTED_PIXEL_TYPE, ErrorKind.of(e), "dead-lettered as unsupported-pixel-type");
    }

    /**
     * RGB with two alpha samples: the codec keeps one alpha, so the record is refused, and the
     * dead letter's one line says so (the JDK's reader alone spoke of "5 color channels in color
     * space type 15"). Through the worker's own record processing, with no broker.
     */
    @Test
    void anRgbTiffWithTwoAlphasIsDeadLetteredNamingTheExtraSamples() {
        byte[] twoAlphas = ExtraSampleTiff.rgbWithExtraSamples(16, 12, 2, 2);
        List<String> problems = new ArrayList<>();
        WorkerConfig config = WorkerConfig.fromMap(Map.of("bootstrap.servers", "127.0.0.1:9", "input.topic", "in",
                "output.topic", "out", "instance.id", "test", "group.id", "test"), problems);
        ProcessedRecord dead;
        try (DenoisePool models = new DenoisePool(1, 512, true)) {
            dead = new ImageProcessor(config, models).process(new ConsumerRecord<>("in", 0, 7, null, twoAlphas), 0);
        }

        assertEquals(ErrorKind.UNSUPPORTED_PIXEL_TYPE, dead.error());
        assertEquals(config.dlqTopic(), dead.record().topic());
        String reason = MessageHeaders.text(dead.record().headers(), MessageHeaders.ERROR).orElseThrow();
        assertEquals("record in-0@7: the TIFF is RGB with 2 extra samples per pixel (ExtraSamples 2, 2); only one alpha"
                + " channel is kept, so the others would be lost. Save the image with at most one alpha sample", reason);
        assertEquals("unsupported-pixel-type", MessageHeaders.text(dead.record().headers(), MessageHeaders.ERROR_TYPE).orElseThrow());
        assertArrayEquals(twoAlphas, dead.record().value(), "the original bytes are kept");
    }

    private ImageData decode(byte[] value) {
        return ImagePayload.decode(value, new RecordHeaders(), codec, "record t-0@0").image();
    }

    private static int alphaAt(ImageData image, int x, int y) {
        RealType<?> value = image.alpha().randomAccess().setPositionAndGet(x, y, 0, 0);
        return (int) value.getRealDouble();
    }

    /** A 32 x 24 image whose alpha, where the type has one, is x * 77 mod 256. */
    private static byte[] encode(int type, String format) throws IOException {
        BufferedImage image = new BufferedImage(32, 24, type);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, (x * 77 % 256 << 24) | (y * 10 << 16) | (x * 3 << 8) | 77);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }
}
