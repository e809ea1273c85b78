package org.denoiser.io;

import static org.denoiser.io.SyntheticImages.assertSamePixels;
import static org.denoiser.io.SyntheticImages.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.UnsupportedPixelTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    private static final byte[] OLD_CONTENT = "the previous result".getBytes(StandardCharsets.UTF_8);

    private final ImageCodec codec = ImageCodec.defaults();

    @TempDir
    Path dir;

    @Test
    void failedEncodingLeavesTheOldFileIntactAndNoTempFile() throws IOException {
        Path target = Files.write(dir.resolve("out.png"), OLD_CONTENT);
        ImageData floats = pattern(ImageFormat.PNG, PixelType.GRAY32F, 16, 16, 1);

        assertThrows(UnsupportedPixelTypeException.class, () -> codec.write(floats, target));

        assertArrayEquals(OLD_CONTENT, Files.readAllBytes(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void stackAsPngFailsWithoutCreatingTheFile() throws IOException {
        Path target = dir.resolve("stack.png");
        ImageData stack = pattern(ImageFormat.TIFF, PixelType.GRAY8, 16, 16, 3);

        DenoiseException e = assertThrows(DenoiseException.class, () -> codec.write(stack, target, ImageFormat.PNG));

        assertTrue(e.getMessage().contains("3 pages"), e.getMessage());
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void failureHalfwayThroughWritingLeavesTheOldFileIntact() throws IOException {
        Path target = Files.write(dir.resolve("out.tif"), OLD_CONTENT);
        IOException diskFull = new IOException("No space left on device");

        IOException thrown = assertThrows(IOException.class, () -> AtomicFileWrite.replace(target, out -> {
            out.write(new byte[100_000]);
            throw diskFull;
        }));

        assertSame(diskFull, thrown);
        assertArrayEquals(OLD_CONTENT, Files.readAllBytes(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void successfulWriteReplacesTheOldFile() throws IOException {
        Path target = Files.write(dir.resolve("out.tif"), OLD_CONTENT);
        ImageData image = pattern(ImageFormat.TIFF, PixelType.GRAY16, 16, 8, 2);

        codec.write(image, target);

        assertSamePixels(image, codec.read(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void missingDirectoryIsAClearError() {
        Path target = dir.resolve("no-such-dir").resolve("out.png");
        ImageData image = pattern(ImageFormat.PNG, PixelType.GRAY8, 4, 4, 1);

        DenoiseException e = assertThrows(DenoiseException.class, () -> codec.write(image, target));

        assertEquals("cannot write " + target + ": its directory does not exist", e.getMessage());
        assertFalse(Files.exists(target.getParent()));
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
