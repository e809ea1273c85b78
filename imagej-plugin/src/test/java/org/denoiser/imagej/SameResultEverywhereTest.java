package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import java.io.IOException;
import java.nio.file.Path;
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
 * One hyperstack file, written by ImageJ, denoised by the plugin (a batch macro) and by the path the
 * command line and the Kafka worker take (ImageCodec + Denoiser): the same pixels (each channel
 * normalized on its own in both), and the same layout and calibration when ImageJ opens either result.
 */
class SameResultEverywhereTest {

    @TempDir
    Path dir;

    @Test
    void pluginAndCommandLineGiveTheSameHyperstack() throws IOException {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.twoChannelHyperstack(11, 96, 80, 3, LowLight.DIM);
        CompositeImage noisy = Fixtures.twoChannelComposite("cells.tif", pair.noisy(), 3);
        Calibration cal = noisy.getCalibration();
        cal.pixelWidth = 0.65;
        cal.pixelHeight = 0.65;
        cal.pixelDepth = 2.0;
        cal.setUnit("micron");
        for (int i = 1; i <= noisy.getStackSize(); i++) {
            noisy.getStack().setSliceLabel("plane " + i, i);
        }

        ImagePlus fromPlugin = ImageJHarness.denoise(noisy, "stack", dir).saved(); // no model key: denoise/auto
        assertNotNull(fromPlugin, "the macro saved no result");

        Path file = dir.resolve("cells.tif"); // what the harness saved with ImageJ before running the macro
        Path cliResult = dir.resolve("cli-result.tif");
        ImageCodec codec = ImageCodec.defaults();
        ImageData image = codec.read(file);
        Path copy = dir.resolve("copy.tif");
        codec.write(image, copy);
        Fixtures.assertSamePixels(Fixtures.pixels(IJ.openImage(file.toString())), Fixtures.pixels(IJ.openImage(copy.toString())));
        try (Denoiser denoiser = Denoiser.builder().model("denoise/auto").build()) {
            codec.write(denoiser.denoise(image), cliResult);
        }
        ImagePlus fromCli = IJ.openImage(cliResult.toString());
        assertNotNull(fromCli, "ImageJ cannot open the command line's result");

        Fixtures.assertSamePixels(Fixtures.pixels(fromPlugin), Fixtures.pixels(fromCli));
        assertArrayEquals(new int[] {96, 80, 2, 3, 1}, fromCli.getDimensions());
        assertTrue(fromCli.isComposite(), "a composite stays composite");
        assertEquals(0.65, fromCli.getCalibration().pixelWidth, 1e-6);
        assertEquals(2.0, fromCli.getCalibration().pixelDepth, 1e-6);
        assertEquals("micron", fromCli.getCalibration().getUnit());
        // Not yet: ImageJ applies LUTs, display ranges and slice labels (its private tags, which the
        // file keeps) only when the pages are stored back to back as ImageJ writes them; the JDK's
        // writer puts each page's tags between pages, so ImageJ reads them through its per-page path.
    }
}
