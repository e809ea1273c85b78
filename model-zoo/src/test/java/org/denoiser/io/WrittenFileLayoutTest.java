package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;
import org.junit.jupiter.api.Test;

/**
 * Reads what the codec wrote with plain ImageIO, independently of the codec's own reader, so an
 * error made symmetrically on write and read (swapped axes, wrong tags) cannot hide in a round trip.
 */
class WrittenFileLayoutTest {

    @Test
    void pngRgbSamplesSitWhereOtherReadersExpectThem() throws IOException {
        ImageData image = pattern(ImageFormat.PNG, PixelType.RGB8, 13, 6, 1);

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ImageCodec.defaults().encode(image)));

        assertEquals(13, png.getWidth());
        assertEquals(6, png.getHeight());
        assertSameSamples(image, 0, png.getRaster());
    }

    @Test
    void tiffStackHasOnePagePerPlaneInOrder() throws IOException {
        ImageData stack = pattern(ImageFormat.TIFF, PixelType.GRAY16, 11, 7, 4);

        try (ImageInputStream input = ImageIO.createImageInputStream(
                new ByteArrayInputStream(ImageCodec.defaults().encode(stack)))) {
            ImageReader reader = ImageIO.getImageReaders(input).next();
            reader.setInput(input);
            assertEquals(4, reader.getNumImages(true));
            for (int z = 0; z < 4; z++) {
                assertSameSamples(stack, z, reader.read(z).getRaster());
            }
            reader.dispose();
        }
    }

    @Test
    void floatTiffIsTaggedIeeeFloatAndDeflateIsCompressionEight() throws IOException {
        ImageData floats = pattern(ImageFormat.TIFF, PixelType.GRAY32F, 8, 8, 1);
        byte[] tiff = ImageCodec.defaults().withTiffCompression(TiffCompression.DEFLATE).encode(floats);

        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(tiff))) {
            ImageReader reader = ImageIO.getImageReaders(input).next();
            reader.setInput(input);
            TIFFDirectory tags = TIFFDirectory.createFromMetadata(reader.getImageMetadata(0));
            reader.dispose();

            assertEquals(BaselineTIFFTagSet.SAMPLE_FORMAT_FLOATING_POINT,
                    tags.getTIFFField(BaselineTIFFTagSet.TAG_SAMPLE_FORMAT).getAsInt(0));
            assertEquals(32, tags.getTIFFField(BaselineTIFFTagSet.TAG_BITS_PER_SAMPLE).getAsInt(0));
            assertEquals(BaselineTIFFTagSet.COMPRESSION_ZLIB,
                    tags.getTIFFField(BaselineTIFFTagSet.TAG_COMPRESSION).getAsInt(0));
        }
    }

    private static void assertSameSamples(ImageData image, int z, Raster raster) {
        RandomAccess<? extends RealType<?>> access = image.pixels().randomAccess();
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    access.setPosition(new long[] {x, y, c, z});
                    assertEquals(access.get().getRealDouble(), raster.getSampleDouble(x, y, c),
                            "sample at x=" + x + " y=" + y + " c=" + c + " z=" + z);
                }
            }
        }
    }
}
