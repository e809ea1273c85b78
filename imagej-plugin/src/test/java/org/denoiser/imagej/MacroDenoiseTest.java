package org.denoiser.imagej;

import static org.denoiser.imagej.Fixtures.MODEL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.LUT;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.metrics.Psnr;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless macros through real ImageJ, as a facility's overnight batch would run them: open a
 * noisy file, {@code run("Denoise...", "model=... stack")}, save. Each result must be exactly
 * what the Denoiser API gives for the same pixels, keep type, dimensions and calibration, and
 * its PSNR against the clean image is printed (the shipped digit model is not trained for these
 * images, so no gain is asserted; better models come with their own figures).
 */
class MacroDenoiseTest {
    private static final String STACK = "model=" + MODEL + " stack";

    @TempDir
    Path dir;

    @Test
    void sixteenBitTimeLapseKeepsLayoutAndCalibration() throws IOException {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(5, 96, 80, 4);
        ImagePlus noisy = Fixtures.gray("timelapse.tif", pair.noisy(), 1, 1, 4);
        Calibration cal = noisy.getCalibration();
        cal.pixelWidth = 0.65;
        cal.pixelHeight = 0.65;
        cal.setUnit("micron");
        cal.frameInterval = 2.5;
        cal.setTimeUnit("s");

        ImagePlus result = ImageJHarness.denoise(noisy, STACK, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertEquals(16, result.getBitDepth());
        assertArrayEquals(new int[] {96, 80, 1, 1, 4}, result.getDimensions());
        assertEquals(0.65, result.getCalibration().pixelWidth, 1e-6); // TIFF keeps float precision
        assertEquals("micron", result.getCalibration().getUnit());
        assertEquals(2.5, result.getCalibration().frameInterval, 1e-9);
        Img<UnsignedShortType> expected = Fixtures.direct(pair.noisy(), -1);
        Fixtures.assertSamePixels(expected, Fixtures.pixels(result));
        reportPsnr("16-bit time-lapse", pair.clean(), pair.noisy(), Fixtures.pixels(result));
    }

    @Test
    void eightBit() throws IOException {
        CleanNoisyPair<UnsignedByteType> pair = SyntheticImages.gaussianNoisy8bit(TestImages.camera(), 25, 1);
        ImagePlus result = ImageJHarness.denoise(Fixtures.gray("camera.tif", pair.noisy(), 1, 1, 1), STACK, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertEquals(8, result.getBitDepth());
        assertArrayEquals(new int[] {512, 512, 1, 1, 1}, result.getDimensions());
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), -1), Fixtures.pixels(result));
        System.out.printf(Locale.ROOT, "PSNR 8-bit camera sigma 25: noisy %.2f dB, denoised %.2f dB%n",
                Psnr.psnr8bit(pair.clean(), pair.noisy()), Psnr.psnr8bit(pair.clean(), Fixtures.pixels(result)));
    }

    @Test
    void thirtyTwoBitAstronomyFrame() throws IOException {
        CleanNoisyPair<FloatType> pair = SyntheticImages.astronomyFrame(3, 160, 128);
        ImagePlus result = ImageJHarness.denoise(Fixtures.gray("sky.tif", pair.noisy(), 1, 1, 1), STACK, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertEquals(32, result.getBitDepth());
        assertArrayEquals(new int[] {160, 128, 1, 1, 1}, result.getDimensions());
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), -1), Fixtures.pixels(result));
        reportPsnr("32-bit astronomy", pair.clean(), pair.noisy(), Fixtures.pixels(result));
    }

    @Test
    void rgbIsDenoisedPerColour() throws IOException {
        CleanNoisyPair<UnsignedByteType> pair = SyntheticImages.gaussianNoisy8bit(TestImages.coffee(), 20, 2);
        ImagePlus result = ImageJHarness.denoise(Fixtures.rgb("coffee.tif", pair.noisy()), STACK, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertEquals(24, result.getBitDepth());
        assertEquals(1, result.getStackSize());
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), 2), Fixtures.pixels(result));
        System.out.printf(Locale.ROOT, "PSNR RGB coffee sigma 20: noisy %.2f dB, denoised %.2f dB%n",
                Psnr.psnr8bit(pair.clean(), pair.noisy()), Psnr.psnr8bit(pair.clean(), Fixtures.pixels(result)));
    }

    @Test
    void twoChannelHyperstackKeepsLutsAndDisplayRanges() throws IOException {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.twoChannelHyperstack(7, 96, 80, 3);
        CompositeImage noisy = new CompositeImage(Fixtures.gray("cells.tif", pair.noisy(), 2, 3, 1), CompositeImage.COMPOSITE);
        noisy.setChannelLut(LUT.createLutFromColor(Color.GREEN), 1);
        noisy.setChannelLut(LUT.createLutFromColor(Color.MAGENTA), 2);
        noisy.setPositionWithoutUpdate(1, 1, 1);
        noisy.setDisplayRange(100, 900);
        noisy.setPositionWithoutUpdate(2, 1, 1);
        noisy.setDisplayRange(150, 1200);

        ImagePlus result = ImageJHarness.denoise(noisy, STACK, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertTrue(result.isComposite(), "a composite stays composite");
        assertEquals(CompositeImage.COMPOSITE, ((CompositeImage) result).getMode());
        assertArrayEquals(new int[] {96, 80, 2, 3, 1}, result.getDimensions());
        LUT[] luts = result.getLuts();
        assertEquals(Color.GREEN.getRGB(), luts[0].getRGB(255));
        assertEquals(Color.MAGENTA.getRGB(), luts[1].getRGB(255));
        assertEquals(100, luts[0].min, 1e-9);
        assertEquals(1200, luts[1].max, 1e-9);
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), 2), Fixtures.pixels(result));
        reportPsnr("2-channel hyperstack", pair.clean(), pair.noisy(), Fixtures.pixels(result));
    }

    private static void reportPsnr(String what, RandomAccessibleInterval<? extends RealType<?>> clean,
            RandomAccessibleInterval<? extends RealType<?>> noisy, RandomAccessibleInterval<? extends RealType<?>> denoised) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (RealType<?> v : Views.iterable(clean)) {
            min = Math.min(min, v.getRealDouble());
            max = Math.max(max, v.getRealDouble());
        }
        System.out.printf(Locale.ROOT, "PSNR %s (range of clean): noisy %.2f dB, denoised %.2f dB%n", what,
                Psnr.compute(clean, noisy, max - min), Psnr.compute(clean, denoised, max - min));
    }
}
