package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line, in its own JVM, stopped by SIGTERM while it writes a big result. */
class InterruptedRunTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermWhileWritingABigImageLeavesNoTempFileAndNoResult() throws Exception {
        Path input = bigImage();
        Path out = tmp.resolve("out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), DenoiserCommand.class.getName(),
                "noise", "--gaussian", "100", input.toString(), "-o", out.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (tempFiles(out).isEmpty()) {
            assertTrue(child.isAlive(), "the child ended before it began writing: " + Files.readString(tmp.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "the child never began writing");
            Thread.sleep(2);
        }
        child.destroy(); // SIGTERM, mid-write
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not stop");

        assertEquals(143, child.exitValue(), "killed by SIGTERM, not finished: " + Files.readString(tmp.resolve("child.log")));
        assertEquals(List.of(), tempFiles(out));
        assertEquals(List.of(), filesIn(out), "no result, no leftover");
    }

    /** A 16-bit image of 32 MB: about a second of TIFF encoding here, time enough to catch the write. */
    private Path bigImage() {
        short[] data = new short[4096 * 4096];
        for (int i = 0; i < data.length; i++) {
            data[i] = (short) (1000 + i % 4096);
        }
        Path file = tmp.resolve("big.tif");
        ImageCodec.defaults().write(ImageData.of(ImageFormat.TIFF, ArrayImgs.unsignedShorts(data, 4096, 4096, 1, 1)), file);
        return file;
    }

    private static List<Path> tempFiles(Path dir) throws IOException {
        return filesIn(dir).stream().filter(p -> p.getFileName().toString().startsWith(".denoiser-")).toList();
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
