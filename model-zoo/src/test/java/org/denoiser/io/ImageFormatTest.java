package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.assertSamePixels;
import static org.denoiser.io.SyntheticImages.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFormatTest {

    private final ImageCodec codec = ImageCodec.defaults();

    @TempDir
    Path dir;

    @Test
    void formatComesFromTheBytesNotTheFileName() throws IOException {
        ImageData png = pattern(ImageFormat.PNG, PixelType.RGB8, 9, 7, 1);
        Path misnamed = Files.write(dir.resolve("actually-a-png.tif"), codec.encode(png));

        ImageData read = codec.read(misnamed);

        assertEquals(ImageFormat.PNG, read.format());
        assertSamePixels(png, read);
    }

    @Test
    void callerChoosesTheOutputFormat() {
        ImageData png = pattern(ImageFormat.PNG, PixelType.GRAY16, 9, 7, 1);

        byte[] tiff = codec.encode(png, ImageFormat.TIFF);

        assertEquals(Optional.of(ImageFormat.TIFF), ImageFormat.sniff(tiff));
        assertEquals(ImageFormat.TIFF, codec.decode(tiff).format());
    }

    @Test
    void sniffRecognisesEachSignature() {
        assertEquals(Optional.of(ImageFormat.TIFF), ImageFormat.sniff(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}));
        assertEquals(Optional.of(ImageFormat.TIFF), ImageFormat.sniff(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}));
        assertEquals(Optional.of(ImageFormat.FITS), ImageFormat.sniff("SIMPLE  =                    T".getBytes()));
        assertEquals(Optional.empty(), ImageFormat.sniff(new byte[] {'I', 'I', 43, 0})); // BigTIFF
        assertEquals(Optional.empty(), ImageFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertEquals(Optional.empty(), ImageFormat.sniff(new byte[0]));
    }

    @Test
    void fileNameSuggestsAnOutputFormat() {
        assertEquals(Optional.of(ImageFormat.TIFF), ImageFormat.fromFileName("stack.TIF"));
        assertEquals(Optional.of(ImageFormat.TIFF), ImageFormat.fromFileName("a.tiff"));
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.fromFileName("out.png"));
        assertEquals(Optional.of(ImageFormat.FITS), ImageFormat.fromFileName("m31.fits"));
        assertEquals(Optional.empty(), ImageFormat.fromFileName("out.jpg"));
    }
}
