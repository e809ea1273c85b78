package org.denoiser.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.denoiser.api.CorruptImageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What fuzzing the decoders found, as plain regression tests with the reason spelled out (the
 * inputs also run in {@link ImageDecoderFuzzTest}).
 */
class FuzzFindingsTest {

    @TempDir
    Path dir;

    /**
     * A 339-byte deflate TIFF whose strip claims 1768842095 bytes: the JDK reader allocated that
     * much and took minutes (an OutOfMemoryError with a smaller heap). Now a corrupt-file error at once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"crash-strip-claims-1.7GB", "slow-strip-claims-huge"})
    @Timeout(20)
    void aStripLargerThanTheFileIsCorruptNotAnAllocation(String name) throws IOException {
        byte[] bytes = input("tiff/" + name);

        CorruptImageException fromBytes = assertThrows(CorruptImageException.class,
                () -> ImageCodec.defaults().decode(bytes, name));
        CorruptImageException fromFile = assertThrows(CorruptImageException.class,
                () -> ImageCodec.defaults().read(Files.write(dir.resolve(name + ".tif"), bytes)));

        assertTrue(fromBytes.getMessage().contains("bytes but the file has only " + bytes.length), fromBytes.getMessage());
        assertTrue(fromFile.getMessage().contains("bytes but the file has only " + bytes.length), fromFile.getMessage());
    }

    private static byte[] input(String path) throws IOException {
        try (InputStream in = FuzzFindingsTest.class.getResourceAsStream("ImageDecoderFuzzTestInputs/" + path)) {
            return in.readAllBytes();
        }
    }
}
