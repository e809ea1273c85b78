package org.denoiser.imagej;

import static org.denoiser.imagej.Fixtures.CAMERA_MODEL;
import static org.denoiser.imagej.Fixtures.COLOUR_MODEL;
import static org.denoiser.imagej.Fixtures.GAUSSIAN_MODEL;
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
import java.util.Random;
import net.imglib2.img.Img;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.view.Views;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.api.AutoModel;
import org.denoiser.api.Denoiser;
import org.denoiser.api.NoiseSetting;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;
import org.denoiser.train.CameraPipelineNoise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless macros through real ImageJ, as a facility's overnight batch would run them: open a
 * noisy file, {@code run("Denoise...", "model=... stack")}, save. Each result must be exactly
 * what the Denoiser API gives for the same pixels, keep type, dimensions and calibration, and
 * be clearly less noisy: low-light microscopy and astronomy data with {@code denoise/poisson-gauss},
 * 8-bit Gaussian noise with {@code denoise/gaussian-gray}.
 *
 * <p>Minimum gains: the measured gain (in the comment beside each) less about a third, so that a
 * small change in the models' numerics passes, while a model that does nothing (0 dB), the digit
 * model (it loses 4-9 dB on these images) or a result not mapped back to the image's range fails.
 */
class MacroDenoiseTest {
    private static final String CAMERA = "model=" + CAMERA_MODEL + " stack";
    /**
     * No model key: denoise/auto, which must pick CAMERA_MODEL for 16/32-bit, GAUSSIAN_MODEL for
     * 8-bit gray photos and the shipped colour model for RGB.
     */
    private static final String AUTO = "stack";

    @TempDir
    Path dir;

    @Test
    void sixteenBitTimeLapseKeepsLayoutAndCalibration() throws IOException {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(5, 96, 80, 4, LowLight.DIM);
        ImagePlus noisy = Fixtures.gray("timelapse.tif", pair.noisy(), 1, 1, 4);
        Calibration cal = noisy.getCalibration();
        cal.pixelWidth = 0.65;
        cal.pixelHeight = 0.65;
        cal.setUnit("micron");
        cal.frameInterval = 2.5;
        cal.setTimeUnit("s");

        ImagePlus result = ImageJHarness.denoise(noisy, AUTO, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertEquals(16, result.getBitDepth());
        assertArrayEquals(new int[] {96, 80, 1, 1, 4}, result.getDimensions());
        assertEquals(0.65, result.getCalibration().pixelWidth, 1e-6); // TIFF keeps float precision
        assertEquals("micron", result.getCalibration().getUnit());
        assertEquals(2.5, result.getCalibration().frameInterval, 1e-9);
        Img<UnsignedShortType> expected = Fixtures.direct(pair.noisy(), -1, CAMERA_MODEL);
        Fixtures.assertSamePixels(expected, Fixtures.pixels(result));
        PsnrGain.cleanRange("16-bit low-light time-lapse", pair.clean(), pair.noisy(), Fixtures.pixels(result))
                .assertGainAtLeast(7); // measured 22.28 -> 32.06 dB (flux restored)
    }

    @Test
    void eightBitPhoto() throws IOException {
        CleanNoisyPair<UnsignedByteType> pair = SyntheticImages.gaussianNoisy8bit(TestImages.camera(), 25, 1);
        ImagePlus result = ImageJHarness.denoise(Fixtures.gray("camera.png", pair.noisy(), 1, 1, 1), AUTO, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertEquals(8, result.getBitDepth());
        assertArrayEquals(new int[] {512, 512, 1, 1, 1}, result.getDimensions());
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), -1, GAUSSIAN_MODEL), Fixtures.pixels(result));
        PsnrGain.eightBit("8-bit camera sigma 25", pair.clean(), pair.noisy(), Fixtures.pixels(result))
                .assertGainAtLeast(6); // measured 20.60 -> 29.78 dB (photo-gray; gaussian-gray-8bit 29.79, gaussian-gray 29.54)
    }

    /** An 8-bit TIFF that ImageJ wrote is taken for microscopy: photon noise, the microscopy model. */
    @Test
    void eightBitMicroscopyTiff() throws IOException {
        CleanNoisyPair<UnsignedShortType> cells = SyntheticImages.fluorescenceTimeLapse(7, 96, 80, 1, LowLight.DIM);
        Img<UnsignedByteType> eightBit = stretchedToEightBit(cells.noisy());
        ImagePlus result = ImageJHarness.denoise(Fixtures.gray("cells.tif", eightBit, 1, 1, 1), AUTO, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertEquals(8, result.getBitDepth());
        Fixtures.assertSamePixels(Fixtures.direct(eightBit, -1, AutoModel.MICROSCOPY_MODEL), Fixtures.pixels(result));
    }

    @Test
    void theRecordedStrengthReachesANoiseLevelConditionedModel() throws IOException {
        CleanNoisyPair<UnsignedByteType> pair = SyntheticImages.gaussianNoisy8bit(TestImages.camera(), 25, 4);
        ImagePlus noisy = Fixtures.gray("camera.tif", pair.noisy(), 1, 1, 1);
        String model = "model=denoise/poisson-gauss-nl";
        ImagePlus stronger = ImageJHarness.denoise(noisy, model + " strength=2", dir).saved();
        assertNotNull(stronger, "the macro saved no result");
        Img<UnsignedByteType> expected;
        Img<UnsignedByteType> atOne;
        try (Denoiser denoiser = Denoiser.builder().model("denoise/poisson-gauss-nl").build()) {
            expected = denoiser.withNoise(NoiseSetting.strength(2), level -> { }).denoise(pair.noisy());
            atOne = denoiser.denoise(pair.noisy());
        }
        Fixtures.assertSamePixels(expected, Fixtures.pixels(stronger));
        assertTrue(PsnrGain.eightBit("strength 2 vs 1", atOne, atOne, expected).denoised() < 60,
                "strength 2 must change the result");
    }

    @Test
    void theEnsembleFlagAveragesTheEightOrientations() throws IOException {
        CleanNoisyPair<UnsignedByteType> pair = SyntheticImages.gaussianNoisy8bit(TestImages.camera(), 25, 5);
        ImagePlus result = ImageJHarness.denoise(Fixtures.gray("camera.tif", pair.noisy(), 1, 1, 1),
                "model=" + GAUSSIAN_MODEL + " ensemble", dir).saved();
        assertNotNull(result, "the macro saved no result");
        Img<UnsignedByteType> expected;
        try (Denoiser denoiser = Denoiser.builder().model(GAUSSIAN_MODEL).selfEnsemble(true).build()) {
            expected = denoiser.denoise(pair.noisy());
        }
        Fixtures.assertSamePixels(expected, Fixtures.pixels(result));
        double onePass = PsnrGain.eightBit("one pass", pair.clean(), pair.noisy(),
                Fixtures.direct(pair.noisy(), -1, GAUSSIAN_MODEL)).denoised();
        double ensemble = PsnrGain.eightBit("ensemble", pair.clean(), pair.noisy(), expected).denoised();
        assertTrue(ensemble > onePass, "ensemble " + ensemble + " dB against one pass " + onePass + " dB");
    }

    @Test
    void thirtyTwoBitAstronomyFrame() throws IOException {
        CleanNoisyPair<FloatType> pair = SyntheticImages.astronomyFrame(3, 160, 128, LowLight.DIM);
        ImagePlus result = ImageJHarness.denoise(Fixtures.gray("sky.tif", pair.noisy(), 1, 1, 1), CAMERA, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertEquals(32, result.getBitDepth());
        assertArrayEquals(new int[] {160, 128, 1, 1, 1}, result.getDimensions());
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), -1, CAMERA_MODEL), Fixtures.pixels(result));
        PsnrGain.cleanRange("32-bit low-light astronomy", pair.clean(), pair.noisy(), Fixtures.pixels(result))
                .assertGainAtLeast(12); // measured 21.25 -> 38.25 dB (flux restored): mostly flat, dim sky
    }

    /**
     * An RGB photo goes to the colour model through a macro, and beats the gray photo model run
     * per colour where that matters: a phone's colourful sensor noise (on Gaussian noise the two
     * are level, 32.41 against 32.42 dB on this coffee at sigma 20).
     */
    @Test
    void rgbGoesJointlyToTheColourModel() throws IOException {
        CleanNoisyPair<UnsignedByteType> pair = phoneNoisy(TestImages.coffee());
        ImagePlus result = ImageJHarness.denoise(Fixtures.rgb("coffee.tif", pair.noisy()), AUTO, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertEquals(24, result.getBitDepth());
        assertEquals(1, result.getStackSize());
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), 2, COLOUR_MODEL), Fixtures.pixels(result));
        PsnrGain perColour = PsnrGain.eightBit("RGB coffee, phone noise, gray model per colour", pair.clean(), pair.noisy(),
                Fixtures.direct(pair.noisy(), 2, GAUSSIAN_MODEL));
        PsnrGain joint = PsnrGain.eightBit("RGB coffee, phone noise, colour model", pair.clean(), pair.noisy(),
                Fixtures.pixels(result));
        joint.assertGainAtLeast(6);
        joint.assertBetterThan(perColour, 2); // measured 18.44 -> 28.17 dB against 20.99 per colour
    }

    /** {@code rgb} under the camera presets' synthetic phone noise: 40 photons, read noise 0.4 %, no JPEG. */
    private static CleanNoisyPair<UnsignedByteType> phoneNoisy(Img<UnsignedByteType> rgb) {
        Img<UnsignedByteType> clean = rgb.copy();
        Img<UnsignedByteType> noisy = rgb.copy();
        new CameraPipelineNoise(40, 40, 0.004, 0, 90, 90, 3).applyTo(noisy, 255, new Random(2));
        Img<FloatType> truth = ArrayImgs.floats(rgb.dimensionsAsLongArray());
        LoopBuilder.setImages(rgb, truth).forEachPixel((from, to) -> to.setReal(from.getRealDouble()));
        return new CleanNoisyPair<>(clean, noisy, truth);
    }

    @Test
    void currentPlaneOfAnRgbStackMatchesTheWholeStack() {
        CleanNoisyPair<UnsignedByteType> first = SyntheticImages.gaussianNoisy8bit(TestImages.coffee(), 20, 3);
        CleanNoisyPair<UnsignedByteType> second = SyntheticImages.gaussianNoisy8bit(TestImages.coffee(), 30, 4);
        ImagePlus noisy = Fixtures.rgbStack("coffees.tif", first.noisy(), second.noisy());
        noisy.setSlice(2); // as a headless macro's setSlice(2): no window, so ImageJ's getZ() stays 1
        ImagePlusDenoiser denoiser = new ImagePlusDenoiser(DenoiserSession.shared());

        ImagePlus whole = denoiser.denoise(noisy, new DenoiseOptions(AutoModel.ID, true, 512), RunMonitor.NONE);
        ImagePlus plane = denoiser.denoise(noisy, new DenoiseOptions(AutoModel.ID, false, 512), RunMonitor.NONE);

        Fixtures.assertSamePixels(Fixtures.direct(second.noisy(), 2, COLOUR_MODEL), Fixtures.pixels(plane));
        assertArrayEquals((int[]) whole.getStack().getPixels(2), (int[]) plane.getProcessor().getPixels());
    }

    @Test
    void twoChannelHyperstackKeepsLutsAndDisplayRanges() throws IOException {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.twoChannelHyperstack(7, 96, 80, 3, LowLight.DIM);
        CompositeImage noisy = Fixtures.twoChannelComposite("cells.tif", pair.noisy(), 3);

        ImagePlus result = ImageJHarness.denoise(noisy, CAMERA, dir).saved();

        assertNotNull(result, "the macro saved no result");
        assertTrue(result.isComposite(), "a composite stays composite");
        assertEquals(CompositeImage.COMPOSITE, ((CompositeImage) result).getMode());
        assertArrayEquals(new int[] {96, 80, 2, 3, 1}, result.getDimensions());
        LUT[] luts = result.getLuts();
        assertEquals(Color.GREEN.getRGB(), luts[0].getRGB(255));
        assertEquals(Color.MAGENTA.getRGB(), luts[1].getRGB(255));
        assertEquals(102, luts[0].min, 1e-9);
        assertEquals(140, luts[1].max, 1e-9);
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), 2, CAMERA_MODEL), Fixtures.pixels(result));
        PsnrGain.cleanRange("2-channel low-light hyperstack", pair.clean(), pair.noisy(), Fixtures.pixels(result))
                .assertGainAtLeast(8); // measured 22.58 -> 33.25 dB (flux restored)
    }

    /** As microscopists often keep their data: stretched min..max onto 0..255. */
    private static Img<UnsignedByteType> stretchedToEightBit(Img<UnsignedShortType> wide) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (UnsignedShortType p : wide) {
            min = Math.min(min, p.get());
            max = Math.max(max, p.get());
        }
        Img<UnsignedByteType> narrow = ArrayImgs.unsignedBytes(wide.dimensionsAsLongArray());
        var out = Views.flatIterable(narrow).cursor();
        for (UnsignedShortType p : Views.flatIterable(wide)) {
            out.next().set((int) Math.round(255 * (p.get() - min) / (max - min)));
        }
        return narrow;
    }
}
