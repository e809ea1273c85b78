package org.denoiser.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.denoiser.api.CorruptImageException;
import org.denoiser.api.DenoiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDigitsTest {

    private static final int PIXELS = 28 * 28;

    @TempDir
    Path cache;

    @Test
    void holdsOutTheLastTenPercentOfEachDigit() throws IOException {
        for (int digit = 0; digit <= 9; digit++) {
            writeDigitFile(digit, 10 + digit);
        }
        DatasetSplit split = new MnistDigits(cache).load();

        int total = 0;
        int held = 0;
        for (int digit = 0; digit <= 9; digit++) {
            total += 10 + digit;
            held += (int) Math.ceil((10 + digit) / 10.0);
        }
        assertEquals(total - held, split.train().size());
        assertEquals(held, split.test().size());
        // Digit 0 has 10 images: 9 train, then its last image is the first held-out one.
        assertArrayEquals(image(0, 9), split.test().image(0));
        assertArrayEquals(image(0, 8), split.train().image(8));
        assertArrayEquals(image(1, 0), split.train().image(9));
    }

    @Test
    void missingCacheNamesTheFetchScript() {
        DenoiseException error = assertThrows(DenoiseException.class, () -> new MnistDigits(cache.resolve("absent")).load());
        assertTrue(error.getMessage().contains("fetch-mnist.sh"), error.getMessage());
    }

    @Test
    void truncatedDigitFileIsReportedAsCorrupt() throws IOException {
        writeDigitFile(0, 2);
        Files.writeString(digitFile(0), "{\"data\":[0.1,0.2,0.3]}");
        CorruptImageException error = assertThrows(CorruptImageException.class, () -> new MnistDigits(cache).load());
        assertTrue(error.getMessage().contains("784"), error.getMessage());
    }

    @Test
    void pixelOutsideUnitRangeIsReportedAsCorrupt() throws IOException {
        writeDigitFile(0, 1);
        Files.writeString(digitFile(0), "{\"data\":[" + "0,".repeat(PIXELS - 1) + "255]}");
        assertThrows(CorruptImageException.class, () -> new MnistDigits(cache).load());
    }

    @Test
    void realNpmPackageHasTenThousandDigits() {
        MnistDigits digits = new MnistDigits(MnistDigits.defaultCacheDir());
        assumeTrue(Files.isDirectory(digits.digitsDir()),
                "MNIST cache absent at " + digits.digitsDir() + "; run scripts/fetch-mnist.sh to enable this test");
        DatasetSplit split = digits.load();
        assertEquals(10_000, split.train().size() + split.test().size());
        assertEquals(1005, split.test().size());
    }

    private void writeDigitFile(int digit, int count) throws IOException {
        StringJoiner values = new StringJoiner(",", "{\"data\":[", "]}");
        for (int i = 0; i < count; i++) {
            for (float v : image(digit, i)) {
                values.add(Float.toString(v));
            }
        }
        Files.createDirectories(digitFile(digit).getParent());
        Files.writeString(digitFile(digit), values.toString());
    }

    private Path digitFile(int digit) {
        return new MnistDigits(cache).digitsDir().resolve(digit + ".json");
    }

    /** A distinguishable image per (digit, index): a constant gray level plus a marker pixel. */
    private static float[] image(int digit, int index) {
        float[] pixels = new float[PIXELS];
        java.util.Arrays.fill(pixels, digit / 10f);
        pixels[index] = 1f;
        return pixels;
    }
}
