package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.IJ;
import ij.ImagePlus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;
import org.denoiser.api.AutoModel;
import org.denoiser.api.Denoiser;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ImageJ window on a virtual X display (Xvfb): plain ImageJ 1.54p with the packaged plugin
 * in its plugins folder, run from the menu by {@link GuiDriver}; the third run, with Restore flux
 * unticked and the macro recorder on, must record {@code flux=false} and give the Denoiser's
 * pixels without flux restoration. Skipped where {@code xvfb-run}
 * is missing ({@code scripts/setup-ci.sh} installs it). Leaves the screenshot in
 * {@code target/imagej-plugin.png} (the README's picture is a copy of one).
 */
class GuiIT {
    @TempDir
    Path dir;

    @Test
    void denoisesFromThePluginsMenuWithThePreviewBesideTheOriginal() throws Exception {
        assumeTrue(ChildImageJ.onPath("xvfb-run"), "xvfb-run is not installed (run scripts/setup-ci.sh): GUI test skipped");
        CleanNoisyPair<UnsignedShortType> cells = SyntheticImages.fluorescenceTimeLapse(7, 128, 112, 1, LowLight.DIM);
        Path noisy = dir.resolve("cells.tif");
        IJ.saveAsTiff(Fixtures.gray("cells.tif", cells.noisy(), 1, 1, 1), noisy.toString());

        String output = new ChildImageJ(dir.resolve("home")).withTestClasses().run(
                List.of("xvfb-run", "-a", "-s", "-screen 0 960x700x24"), GuiDriver.class.getName(),
                List.of(noisy.toString(), dir.toString()), 240, dir.resolve("imagej.log"));

        assertTrue(output.contains("GUI driver: done"), output);
        ImagePlus result = IJ.openImage(dir.resolve("result.tif").toString());
        assertNotNull(result, "no result saved:\n" + output);
        // denoise/auto, the dialog's default, picks the camera model for a 16-bit image
        Fixtures.assertSamePixels(Fixtures.direct(cells.noisy(), -1, AutoModel.CAMERA_MODEL), Fixtures.pixels(result));
        PsnrGain.cleanRange("16-bit cells, low light, via the GUI", Views.dropSingletonDimensions(cells.clean()),
                        Views.dropSingletonDimensions(cells.noisy()), Fixtures.pixels(result))
                .assertGainAtLeast(5);
        Matcher place = Pattern.compile("preview at x=(\\d+), original ends at x=(\\d+)").matcher(output);
        assertTrue(place.find(), output);
        assertTrue(Integer.parseInt(place.group(1)) >= Integer.parseInt(place.group(2)), "the preview covers the original: "
                + place.group());
        Path screenshot = dir.resolve("imagej-plugin.png");
        assertTrue(colours(screenshot) > 50, "the screenshot looks blank");
        Files.copy(screenshot, Path.of("target", "imagej-plugin.png"), StandardCopyOption.REPLACE_EXISTING);

        // Restore flux unticked: the recorder writes flux=false, and the result is the Denoiser's without it
        Matcher recorded = Pattern.compile("GUI driver: recorded (.*)").matcher(output);
        assertTrue(recorded.find(), output);
        System.out.println("Recorded with Restore flux unticked: " + recorded.group(1));
        assertTrue(recorded.group(1).matches("run\\(\"Denoise\\.\\.\\.\", \".* flux=false\"\\);"), recorded.group(1));
        ImagePlus withoutFlux = IJ.openImage(dir.resolve("result-no-flux.tif").toString());
        assertNotNull(withoutFlux, "no result without flux restoration saved:\n" + output);
        try (Denoiser denoiser = Denoiser.builder().model(AutoModel.CAMERA_MODEL).restoreFlux(false).build()) {
            Fixtures.assertSamePixels(denoiser.denoise(cells.noisy()), Fixtures.pixels(withoutFlux));
        }
    }

    private static int colours(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
