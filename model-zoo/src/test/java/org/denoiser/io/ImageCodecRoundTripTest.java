package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.assertSamePixels;
import static org.denoiser.io.SyntheticImages.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageCodecRoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(ImageFormat.PNG, PixelType.GRAY8, 1, TiffCompression.NONE),
                Arguments.of(ImageFormat.PNG, PixelType.GRAY16, 1, TiffCompression.NONE),
                Arguments.of(ImageFormat.PNG, PixelType.RGB8, 1, TiffCompression.NONE),
                Arguments.of(ImageFormat.PNG, PixelType.RGB16, 1, TiffCompression.NONE),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY8, 1, TiffCompression.NONE),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY16, 1, TiffCompression.NONE),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY32F, 1, TiffCompression.NONE),
                Arguments.of(ImageFormat.TIFF, PixelType.RGB8, 1, TiffCompression.NONE),
                Arguments.of(ImageFormat.TIFF, PixelType.RGB16, 1, TiffCompression.NONE),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY8, 5, TiffCompression.NONE),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY16, 5, TiffCompression.NONE),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY32F, 5, TiffCompression.NONE),
                Arguments.of(ImageFormat.TIFF, PixelType.RGB8, 5, TiffCompression.NONE),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY8, 5, TiffCompression.DEFLATE),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY16, 5, TiffCompression.DEFLATE),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY32F, 5, TiffCompression.DEFLATE),
                Arguments.of(ImageFormat.TIFF, PixelType.RGB8, 1, TiffCompression.DEFLATE),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY16, 5, TiffCompression.LZW),
                Arguments.of(ImageFormat.TIFF, PixelType.GRAY32F, 3, TiffCompression.LZW));
    }

    @ParameterizedTest(name = "{0} {1} x{2} pages, {3}")
    @MethodSource("cases")
    void bytesRoundTripKeepsEveryPixel(ImageFormat format, PixelType type, int planes, TiffCompression compression) {
        ImageCodec codec = ImageCodec.defaults().withTiffCompression(compression);
        // Width and height differ and are not multiples of 8, so swapped or padded axes show.
        ImageData original = pattern(format, type, 67, 43, planes);

        ImageData decoded = codec.decode(codec.encode(original));

        assertEquals(format, decoded.format());
        assertSamePixels(original, decoded);
    }

    @ParameterizedTest(name = "{0} {1} x{2} pages, {3}")
    @MethodSource("cases")
    void fileRoundTripKeepsEveryPixel(ImageFormat format, PixelType type, int planes, TiffCompression compression) {
        ImageCodec codec = ImageCodec.defaults().withTiffCompression(compression);
        ImageData original = pattern(format, type, 31, 20, planes);
        Path file = dir.resolve("image." + format.name().toLowerCase());

        codec.write(original, file);
        ImageData read = codec.read(file);

        assertEquals(format, read.format());
        assertSamePixels(original, read);
    }
}
