package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.LUT;
import java.awt.Color;
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
 * command line and the Kafka worker take (ImageCodec + Denoiser): the same pixels, and the same
 * layout, calibration, slice labels, LUTs and display ranges when ImageJ opens either result.
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
        for (int i = 1; i <= noisy.getStackSize(); i++) {
            assertEquals("plane " + i, fromCli.getStack().getSliceLabel(i), "slice label " + i);
        }
        LUT[] luts = fromCli.getLuts();
        assertEquals(Color.GREEN.getRGB(), luts[0].getRGB(255));
        assertEquals(Color.MAGENTA.getRGB(), luts[1].getRGB(255));
        assertEquals(102, luts[0].min, 1e-9);
        assertEquals(160, luts[0].max, 1e-9);
        assertEquals(105, luts[1].min, 1e-9);
        assertEquals(140, luts[1].max, 1e-9);
    }
}
