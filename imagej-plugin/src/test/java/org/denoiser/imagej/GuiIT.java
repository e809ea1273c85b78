package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.IJ;
import ij.ImagePlus;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.denoiser.metrics.Psnr;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.train.ImageSet;
import org.denoiser.train.SyntheticDigits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ImageJ window on a virtual X display (Xvfb): plain ImageJ 1.54p with the packaged plugin
 * in its plugins folder, run from the menu by {@link GuiDriver}. Skipped where {@code xvfb-run}
 * is missing ({@code scripts/setup-ci.sh} installs it). Leaves the screenshot in
 * {@code target/imagej-plugin.png} (the README's picture is a copy of one).
 */
class GuiIT {
    private static final int COLUMNS = 8;
    private static final int ROWS = 5;

    @TempDir
    Path dir;

    @Test
    void denoisesFromThePluginsMenu() throws Exception {
        assumeTrue(onPath("xvfb-run"), "xvfb-run is not installed (run scripts/setup-ci.sh): GUI test skipped");
        CleanNoisyPair<UnsignedByteType> digits = SyntheticImages.gaussianNoisy8bit(digitSheet(), 0.5 * 255, 4);
        Path noisy = dir.resolve("digits.tif");
        IJ.saveAsTiff(Fixtures.gray("digits.tif", digits.noisy(), 1, 1, 1), noisy.toString());

        String output = new ChildImageJ(dir.resolve("home")).withTestClasses().run(
                List.of("xvfb-run", "-a", "-s", "-screen 0 960x700x24"), GuiDriver.class.getName(),
                List.of(noisy.toString(), dir.toString()), 240, dir.resolve("imagej.log"));

        assertTrue(output.contains("GUI driver: done"), output);
        ImagePlus result = IJ.openImage(dir.resolve("result.tif").toString());
        assertNotNull(result, "no result saved:\n" + output);
        Fixtures.assertSamePixels(Fixtures.direct(digits.noisy(), -1), Fixtures.pixels(result));
        System.out.printf(Locale.ROOT, "PSNR digits sigma 0.5 via the GUI: noisy %.2f dB, denoised %.2f dB%n",
                Psnr.psnr8bit(digits.clean(), digits.noisy()), Psnr.psnr8bit(digits.clean(), Fixtures.pixels(result)));
        Path screenshot = dir.resolve("imagej-plugin.png");
        assertTrue(colours(screenshot) > 50, "the screenshot looks blank");
        Files.copy(screenshot, Path.of("target", "imagej-plugin.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Digit-like strokes, the kind of image the shipped seed model was trained on. */
    private static Img<UnsignedByteType> digitSheet() {
        ImageSet set = new SyntheticDigits(COLUMNS * ROWS, 1).load().train();
        int w = set.width();
        int h = set.height();
        Img<UnsignedByteType> sheet = ArrayImgs.unsignedBytes((long) COLUMNS * w, (long) ROWS * h);
        Cursor<UnsignedByteType> c = sheet.localizingCursor();
        while (c.hasNext()) {
            c.fwd();
            int x = c.getIntPosition(0);
            int y = c.getIntPosition(1);
            float[] digit = set.image(((y / h) * COLUMNS + x / w) % set.size());
            c.get().set(Math.round(255 * digit[(y % h) * w + x % w]));
        }
        return sheet;
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

    private static boolean onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
