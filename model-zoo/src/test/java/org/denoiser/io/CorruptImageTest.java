package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.DenoiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorruptImageTest {

    private final ImageCodec codec = ImageCodec.defaults();

    @TempDir
    Path dir;

    @Test
    void emptyFileIsCorruptAndNamed() throws IOException {
        Path file = Files.write(dir.resolve("empty.png"), new byte[0]);

        CorruptImageException e = assertThrows(CorruptImageException.class, () -> codec.read(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void randomBytesAreNeitherPngNorTiff() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 0x17; // make sure no signature matches by chance

        CorruptImageException e = assertThrows(CorruptImageException.class, () -> codec.decode(noise, "message 7"));

        assertTrue(e.getMessage().startsWith("message 7 is not a PNG, TIFF or FITS"), e.getMessage());
    }

    @Test
    void pngSignatureFollowedByGarbageIsCorrupt() {
        byte[] bytes = new byte[300];
        new Random(7).nextBytes(bytes);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);

        CorruptImageException e = assertThrows(CorruptImageException.class, () -> codec.decode(bytes, "upload.png"));

        assertTrue(e.getMessage().startsWith("upload.png: not a readable PNG image"), e.getMessage());
    }

    @Test
    void tiffSignatureFollowedByGarbageIsCorrupt() {
        byte[] bytes = new byte[300];
        new Random(8).nextBytes(bytes);
        System.arraycopy(new byte[] {'I', 'I', 42, 0}, 0, bytes, 0, 4);

        assertThrows(CorruptImageException.class, () -> codec.decode(bytes, "upload.tif"));
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void truncatedFileIsCorrupt(ImageFormat format) throws IOException {
        byte[] whole = codec.encode(pattern(format, PixelType.GRAY16, 64, 64, 1));
        Path file = Files.write(dir.resolve("cut"), Arrays.copyOf(whole, whole.length * 2 / 3));

        CorruptImageException e = assertThrows(CorruptImageException.class, () -> codec.read(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedCompressedTiffIsCorrupt() {
        byte[] whole = ImageCodec.defaults().withTiffCompression(TiffCompression.DEFLATE)
                .encode(pattern(ImageFormat.TIFF, PixelType.GRAY8, 64, 64, 3));

        assertThrows(CorruptImageException.class, () -> codec.decode(Arrays.copyOf(whole, whole.length / 2)));
    }

    @Test
    void stackWithPagesOfDifferentSizesIsCorrupt() throws IOException {
        byte[] tiff = tiffOfPages(
                new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY),
                new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY),
                new BufferedImage(12, 10, BufferedImage.TYPE_BYTE_GRAY));

        CorruptImageException e = assertThrows(CorruptImageException.class, () -> codec.decode(tiff, "stack.tif"));

        assertEquals("stack.tif: page 3 is 12x10 but page 1 is 20x10; all pages of a stack must have the same size",
                e.getMessage());
    }

    @Test
    void stackWithPagesOfDifferentTypesIsCorrupt() throws IOException {
        byte[] tiff = tiffOfPages(
                new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY),
                new BufferedImage(20, 10, BufferedImage.TYPE_USHORT_GRAY));

        CorruptImageException e = assertThrows(CorruptImageException.class, () -> codec.decode(tiff, "stack.tif"));

        assertTrue(e.getMessage().contains("page 2 is GRAY16 but page 1 is GRAY8"), e.getMessage());
    }

    /** The JDK reader alone would follow this loop forever. */
    @Test
    @Timeout(10)
    void tiffWhosePageChainLoopsIsCorrupt() {
        byte[] tiff = codec.encode(pattern(ImageFormat.TIFF, PixelType.GRAY8, 8, 8, 2));
        ByteBuffer buffer = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int firstPage = buffer.getInt(4);
        int secondPage = buffer.getInt(firstPage + 2 + 12 * buffer.getShort(firstPage));
        buffer.putInt(secondPage + 2 + 12 * buffer.getShort(secondPage), firstPage);

        CorruptImageException e = assertThrows(CorruptImageException.class, () -> codec.decode(tiff, "loop.tif"));

        assertTrue(e.getMessage().contains("page 3 points back to an earlier page"), e.getMessage());
    }

    @Test
    void missingFileSaysFileNotFound() {
        Path missing = dir.resolve("nowhere.tif");

        DenoiseException e = assertThrows(DenoiseException.class, () -> codec.read(missing));

        assertEquals("file not found: " + missing, e.getMessage());
        assertInstanceOf(java.nio.file.NoSuchFileException.class, e.getCause());
    }

    /** A multi-page TIFF written straight through ImageIO, bypassing the codec's own checks. */
    static byte[] tiffOfPages(BufferedImage... pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
