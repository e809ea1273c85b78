package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.IJ;
import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.denoiser.api.AutoModel;
import org.denoiser.testimages.SyntheticImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ImageJ -batch macro.ijm folder} under a display (Xvfb), plain ImageJ 1 with the packaged
 * plugin, as a script on a workstation runs it. There, an ImageJ error dialog has no one to
 * click it and the run never ends; and ImageJ exits 0 after a failed macro. Each error case must
 * end within {@value #LIMIT_SECONDS} s with exit status 1, one line naming the problem, and no
 * output file. Skipped without {@code xvfb-run} ({@code scripts/setup-ci.sh} installs it).
 */
class BatchRunIT {
    private static final long LIMIT_SECONDS = 60;
    private static final List<String> XVFB = List.of("xvfb-run", "-a", "-s", "-screen 0 800x600x24");

    @TempDir
    Path dir;
    private Path data;

    @BeforeEach
    void imageToDenoise() throws IOException {
        assumeTrue(ChildImageJ.onPath("xvfb-run"), "xvfb-run is not installed (run scripts/setup-ci.sh): batch tests skipped");
        data = Files.createDirectories(dir.resolve("data"));
        IJ.saveAsTiff(Fixtures.gray("a.tif", SyntheticImages.fluorescenceTimeLapse(1, 48, 40, 1).noisy(), 1, 1, 1),
                data.resolve("a.tif").toString());
    }

    @Test
    void noImageOpen() throws Exception {
        ChildImageJ.Finished run = batch(new ChildImageJ(dir.resolve("home")),
                "run(\"Denoise...\", \"model=denoise/auto stack\");\n");
        assertFailed(run, "Denoise error: there is no image open");
    }

    @Test
    void unknownModel() throws Exception {
        ChildImageJ.Finished run = batch(new ChildImageJ(dir.resolve("home")), denoiseAndSave("model=denoise/missing stack"));
        assertFailed(run, "unknown model 'denoise/missing'; available: " + AutoModel.ID + ", " + AutoModel.CAMERA_MODEL);
    }

    @Test
    void misspeltKey() throws Exception {
        ChildImageJ.Finished run = batch(new ChildImageJ(dir.resolve("home")), denoiseAndSave("modle=denoise/poisson-gauss stack"));
        assertFailed(run, "unknown key 'modle'; valid keys: model=<id>, stack, tile=<pixels>");
    }

    @Test
    void imgLib2MissingIsNamed() throws Exception {
        ChildImageJ.Finished run = batch(new ChildImageJ(dir.resolve("home")).withoutImgLib2(), denoiseAndSave("stack"));
        assertFailed(run, "Denoise cannot start: missing jar imglib2-8.0.0.jar.");
    }

    /**
     * The self-contained folder alone, in a plain ImageJ that has nothing but ij.jar, works: the
     * 1.54p the tests build against, and the 1.53t Debian ships.
     */
    @ParameterizedTest(name = "ImageJ {0}")
    @ValueSource(strings = {"1.54p", "1.53t"})
    void theSelfContainedFolderIsAllPlainImageJNeeds(String version) throws Exception {
        Path imagej = dir.resolve("ImageJ");
        Path installed = Files.createDirectories(imagej.resolve("plugins/Denoise"));
        try (Stream<Path> files = Files.list(ChildImageJ.plainImageJFolder())) {
            for (Path file : files.toList()) {
                Files.copy(file, installed.resolve(file.getFileName()));
            }
        }
        ChildImageJ imageJ = new ChildImageJ(dir.resolve("home")).withoutImgLib2().imageJFolder(imagej);
        if (version.equals("1.53t")) {
            imageJ.imageJJar(Path.of(System.getProperty("imagej153.jar", "target/imagej-1.53/ij-1.53t.jar")));
        }
        ChildImageJ.Finished run = batch(imageJ, "print(\"ImageJ \" + getVersion());\n" + denoiseAndSave("stack"));

        assertTrue(run.output().contains("ImageJ " + version), "another ImageJ ran:\n" + run.output());

        assertEquals(0, run.exitStatus(), run.output());
        assertTrue(run.output().contains("with " + AutoModel.ID + " -> " + AutoModel.CAMERA_MODEL), run.output());
        ImagePlus result = IJ.openImage(data.resolve("out.tif").toString());
        assertNotNull(result, run.output());
        Fixtures.assertSamePixels(Fixtures.direct(SyntheticImages.fluorescenceTimeLapse(1, 48, 40, 1).noisy(), -1,
                AutoModel.CAMERA_MODEL), Fixtures.pixels(result));
    }

    private String denoiseAndSave(String options) {
        return "open(getArgument() + \"/a.tif\");\n"
                + "run(\"Denoise...\", \"" + options + "\");\n"
                + "saveAs(\"Tiff\", getArgument() + \"/out.tif\");\n";
    }

    private ChildImageJ.Finished batch(ChildImageJ imagej, String macro) throws Exception {
        Path file = dir.resolve("macro.ijm");
        Files.writeString(file, macro);
        return imagej.start(XVFB, "ij.ImageJ", List.of("-batch", file.toString(), data.toString()), LIMIT_SECONDS,
                dir.resolve("imagej.log"));
    }

    private void assertFailed(ChildImageJ.Finished run, String expected) {
        assertEquals(ErrorReport.BATCH_FAILURE_STATUS, run.exitStatus(), "exit status; output:\n" + run.output());
        assertTrue(run.output().contains(expected), "expected \"" + expected + "\" in:\n" + run.output());
        assertFalse(Files.exists(data.resolve("out.tif")), "the macro went on and saved the noisy image");
        assertFalse(run.output().contains("\tat "), "a stack trace reached the user:\n" + run.output());
    }
}
