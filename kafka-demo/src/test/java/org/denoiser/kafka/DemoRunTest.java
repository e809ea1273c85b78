package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.PixelType;
import org.denoiser.kafka.demo.DemoRun;
import org.denoiser.kafka.demo.SampleImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code denoiser demo} end to end (small images): files, report with PSNR rows and the dead letter. */
class DemoRunTest {
    @TempDir
    Path out;

    @Test
    void writesImagesMontageAndReport() throws Exception {
        StringWriter log = new StringWriter();
        Path report = new DemoRun(out, Optional.empty(), 64, new PrintWriter(log)).run();
        String text = Files.readString(report);
        ImageCodec codec = ImageCodec.defaults();
        assertEquals(PixelType.GRAY8, codec.read(out.resolve("denoised/camera-8bit.png")).type());
        ImageData stack = codec.read(out.resolve("denoised/timelapse-16bit.tif"));
        assertEquals(PixelType.GRAY16, stack.type());
        assertEquals(4, stack.planes());
        assertEquals(PixelType.GRAY32F, codec.read(out.resolve("denoised/astronomy-32bit.fits")).type());
        assertEquals(PixelType.RGB8, codec.read(out.resolve("denoised/hubble-rgb.png")).type());
        assertTrue(Files.size(out.resolve("montage.png")) > 1000);
        List<String> rows = text.lines().filter(l -> l.startsWith("| `denoised/")).toList();
        assertEquals(4, rows.size(), text);
        // Each image gets the model for its noise and gains: the last column is the gain in dB.
        for (String row : rows) {
            String model = row.contains("rgb") ? SampleImages.COLOUR_MODEL
                    : row.contains("8bit") ? SampleImages.GAUSSIAN_MODEL : SampleImages.CAMERA_MODEL;
            assertTrue(row.contains("`" + model + "`"), row);
            String[] cells = row.split("\\|");
            assertTrue(Double.parseDouble(cells[cells.length - 1].trim()) > 3, "gain of at least 3 dB: " + row);
        }
        assertTrue(text.contains("`corrupt.png`") && text.contains("corrupt-image"), "the corrupt file is in the DLQ: " + text);
        assertTrue(text.contains("images/s"), text);
    }
}
