package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.process.LUT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hyperstack file, written by ImageJ, denoised by the plugin (a batch macro), by the path the
 * command line takes (ImageCodec's file methods + Denoiser, as {@code ./denoiser denoise}) and by
 * the path the Kafka worker takes (ImageCodec's byte methods): the same pixels (each channel
 * normalized on its own everywhere), and when ImageJ opens the command line's or the worker's
 * result, the input's layout, calibration, slice labels, LUTs, display ranges and composite mode.
 */
class SameResultEverywhereTest {

    @TempDir
    Path dir;

    private static final int PIXEL_SIZE_LINE = 2;

    private final ImageCodec codec = ImageCodec.defaults();

    @Test
    void pluginCommandLineAndWorkerGiveTheSameHyperstackWithTheSameSettings() throws IOException {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.twoChannelHyperstack(11, 96, 80, 6, LowLight.DIM);
        CompositeImage noisy = Fixtures.twoChannelComposite("cells.tif", pair.noisy(), 3, 2);
        Calibration cal = noisy.getCalibration();
        cal.pixelWidth = 0.65;
        cal.pixelHeight = 0.7;
        cal.pixelDepth = 2.0;
        cal.setUnit("micron");
        cal.frameInterval = 30;
        cal.setTimeUnit("sec");
        for (int i = 1; i <= noisy.getStackSize(); i++) {
            noisy.getStack().setSliceLabel("plane " + i, i);
        }

        ImagePlus fromPlugin = ImageJHarness.denoise(noisy, "stack", dir).saved(); // no model key: denoise/auto
        assertNotNull(fromPlugin, "the macro saved no result");
        Path file = dir.resolve("cells.tif"); // what the harness saved with ImageJ before running the macro
        ImagePlus input = open(file);
        List<String> set = settings(noisy);
        List<String> kept = settings(input);
        set.remove(PIXEL_SIZE_LINE); // ImageJ stores it as a rational: 0.65 comes back as 0.6500002
        kept.remove(PIXEL_SIZE_LINE);
        assertEquals(set, kept, "ImageJ itself keeps every setting");
        assertEquals(0.65, input.getCalibration().pixelWidth, 1e-6);
        assertArrayEquals(new int[] {96, 80, 2, 3, 2}, input.getDimensions());

        Path copy = dir.resolve("copy.tif");
        codec.write(codec.read(file), copy);
        Fixtures.assertSamePixels(Fixtures.pixels(input), Fixtures.pixels(open(copy)));
        Path fromCommandLine = dir.resolve("cli-result.tif");
        Path fromWorker = dir.resolve("worker-result.tif");
        try (Denoiser denoiser = Denoiser.builder().model("denoise/auto").build()) {
            commandLine(denoiser, file, fromCommandLine);
            worker(denoiser, file, fromWorker);
        }

        for (Path result : List.of(fromCommandLine, fromWorker)) {
            ImagePlus reopened = open(result);
            Fixtures.assertSamePixels(Fixtures.pixels(fromPlugin), Fixtures.pixels(reopened));
            assertEquals(settings(input), settings(reopened), result.getFileName() + " as ImageJ opens it");
        }
    }

    /** {@code ./denoiser denoise}: a file in, a file out. */
    private void commandLine(Denoiser denoiser, Path in, Path out) {
        codec.write(denoiser.denoise(codec.read(in)), out);
    }

    /** The Kafka worker: a record's bytes in, the result's bytes out, in the format that came in. */
    private void worker(Denoiser denoiser, Path in, Path out) throws IOException {
        ImageData image = codec.decode(Files.readAllBytes(in), in.getFileName().toString());
        Files.write(out, codec.encode(denoiser.denoise(image), image.format()));
    }

    private static ImagePlus open(Path file) {
        ImagePlus image = new Opener().openImage(file.toString());
        assertNotNull(image, "ImageJ cannot open " + file.getFileName());
        return image;
    }

    /** Everything ImageJ re-applies from a hyperstack TIFF besides the pixels, one line each. */
    private static List<String> settings(ImagePlus image) {
        List<String> lines = new ArrayList<>();
        lines.add("dimensions " + Arrays.toString(image.getDimensions()));
        lines.add("hyperstack " + image.isHyperStack() + ", composite mode " + image.getCompositeMode());
        Calibration cal = image.getCalibration();
        lines.add("pixel " + cal.pixelWidth + " x " + cal.pixelHeight + " x " + cal.pixelDepth + " " + cal.getUnit());
        lines.add("frame interval " + cal.frameInterval + " " + cal.getTimeUnit());
        for (int i = 1; i <= image.getStackSize(); i++) {
            lines.add("label " + i + " " + image.getStack().getSliceLabel(i));
        }
        LUT[] luts = image.getLuts();
        for (int c = 0; c < luts.length; c++) {
            lines.add("channel " + (c + 1) + " display range " + luts[c].min + ".." + luts[c].max);
            CRC32 crc = new CRC32();
            crc.update(luts[c].getBytes());
            lines.add("channel " + (c + 1) + " LUT to #" + Integer.toHexString(luts[c].getRGB(255)) + ", CRC " + crc.getValue());
        }
        return lines;
    }
}
