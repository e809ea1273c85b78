package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs and settings that would exhaust memory: each is refused or reported with one line for
 * its file, and the run goes on with the next file.
 */
class ResourceLimitsCommandTest {
    private static final String MODEL = "denoise/mnist-seed";

    @TempDir
    Path tmp;

    @Test
    void anOverlapThatWouldCrashTensorFlowIsRefusedBeforeAnythingRuns() {
        CliRun run = CliRun.of("denoise", "--model", MODEL, "--overlap", "10000", small("a.png").toString(),
                "-o", tmp.resolve("out").toString());

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("overlap 10000 makes tiles of 20512x20512 pixels")
                && run.err().contains("use an overlap of at most 768"), run.err());
        assertFalse(Files.exists(tmp.resolve("out/a.png")));
    }

    @Test
    void aHugeTileIsRefusedWithTheLargestThatFits() {
        CliRun run = CliRun.of("denoise", "--model", MODEL, "--tile", "100000", small("a.png").toString(),
                "-o", tmp.resolve("out").toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("tile size 100000") && run.err().contains("use a tile size of at most"), run.err());
    }

    /** A PNG header claiming 40000 x 40000 pixels: refused from the header, and the next file is denoised. */
    @Test
    void aDecompressionBombIsRefusedAtOnceAndTheNextFileIsDenoised() throws IOException {
        Path bomb = Files.write(tmp.resolve("bomb.png"), pngHeader(40_000, 40_000));
        Path good = small("good.png");

        CliRun run = CliRun.of("denoise", "--model", MODEL, bomb.toString(), good.toString(), "-o", tmp.resolve("out").toString());

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("bomb.png is 40000x40000 pixels (3.2 GB decoded")
                && run.err().contains("budget; raise it with -Ddenoiser.maxImageBytes"), run.err());
        assertTrue(Files.exists(tmp.resolve("out/good.png")));
        assertFalse(Files.exists(tmp.resolve("out/bomb.png")));
    }

    /**
     * A heap too small for one image (98 MB of pixels in 80 MB; the command line denoises in place,
     * so an image that fits once is denoised), with the budget raised past it so the image gets as
     * far as allocating its pixels: the OutOfMemoryError becomes one line for that file and the next
     * file is denoised.
     */
    @Test
    void runningOutOfHeapOnOneFileReportsItAndGoesOnWithTheNext() throws Exception {
        Path big = tmp.resolve("big.tif");
        ImageCodec.defaults().write(ImageData.of(ImageFormat.TIFF, ArrayImgs.unsignedShorts(7000, 7000, 1, 1)), big);
        Path good = small("good.png");

        ChildCli run = ChildCli.run(List.of("-Xmx80m", "-Ddenoiser.maxImageBytes=10g"),
                "denoise", "--model", MODEL, big.toString(), good.toString(), "-o", tmp.resolve("out").toString());

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("big.tif: not enough memory to denoise it (Java heap space)"), run.output());
        assertFalse(run.output().contains("\tat ") || run.output().contains("Exception in thread"), run.output());
        assertTrue(Files.exists(tmp.resolve("out/good.png")), run.output());
        assertFalse(Files.exists(tmp.resolve("out/big.tif")), run.output());
    }

    private Path small(String name) {
        byte[] pixels = new byte[32 * 32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        Path file = tmp.resolve(name);
        ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, ArrayImgs.unsignedBytes(pixels, 32, 32, 1, 1)), file);
        return file;
    }

    /** A PNG signature and an 8-bit gray IHDR chunk, with no image data after it. */
    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(chunk);
        fields.write("IHDR".getBytes(StandardCharsets.US_ASCII));
        fields.writeInt(width);
        fields.writeInt(height);
        fields.write(new byte[] {8, 0, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(chunk.toByteArray());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeInt(13);
        out.write(chunk.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
