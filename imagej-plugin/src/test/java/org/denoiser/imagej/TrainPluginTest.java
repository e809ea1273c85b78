package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.denoiser.api.Denoiser;
import org.denoiser.api.ModelInfo;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;
import org.denoiser.zoo.TensorFlowNatives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins > Denoise > Train on this image... through real headless ImageJ macros: a few training
 * steps ({@code steps=N}) so each run takes seconds. Models go to a temporary denoiser home
 * ({@code -Ddenoiser.home}), never to the one the other tests list.
 */
class TrainPluginTest {
    @TempDir
    static Path home;
    private static String previousHome;

    @TempDir
    Path dir;

    @BeforeAll
    static void ownDenoiserHome() {
        // the natives stay in the build's cache (extracting 150 MB again per run would be slow)
        TensorFlowNatives.ensureInstalled();
        previousHome = System.getProperty("denoiser.home");
        System.setProperty("denoiser.home", home.toString());
        DenoiserSession.shared().refreshModels();
    }

    @AfterAll
    static void restoreDenoiserHome() {
        if (previousHome == null) {
            System.clearProperty("denoiser.home");
        } else {
            System.setProperty("denoiser.home", previousHome);
        }
        DenoiserSession.shared().refreshModels();
    }

    @AfterEach
    void releaseEscape() {
        IJ.setKeyUp(KeyEvent.VK_ESCAPE);
        IJ.resetEscape();
    }

    @Test
    void aMacroTrainsInstallsAndThenDenoisesWithTheNewModel() throws IOException {
        Img<UnsignedShortType> noisy = SyntheticImages.fluorescenceTimeLapse(11, 64, 64, 4).noisy();
        Path in = save(Fixtures.gray("cells.tif", noisy, 1, 1, 4));
        Path out = dir.resolve("result.tif");

        String log = ImageJHarness.runMacro("setBatchMode(true);\n"
                + "open(\"" + in + "\");\n"
                + "run(\"Train on this image...\", \"name=tiny-cells minutes=5 init=denoise/poisson-gauss steps=20\");\n"
                + "run(\"Denoise...\", \"model=denoise/tiny-cells stack\");\n"
                + "saveAs(\"Tiff\", \"" + out + "\");\n"
                + "close(\"*\");\n");

        assertTrue(log.contains("Train: installed denoise/tiny-cells in "), log);
        assertTrue(log.contains("Train: trained denoise/tiny-cells on 4 plane(s) from cells.tif (64x64, UnsignedShort): 20 steps"),
                log);
        Path installed = home.resolve("models").resolve("tiny-cells");
        String report = Files.readString(installed.resolve("training.json"), StandardCharsets.UTF_8);
        assertTrue(report.contains("\"init\": \"denoise/poisson-gauss\""), report);
        assertTrue(report.contains("\"steps\": 20"), report);
        assertTrue(DenoiserSession.shared().models().stream().map(ModelInfo::id).toList().contains("denoise/tiny-cells"),
                "the Denoise dialog offers the new model");
        ImagePlus result = IJ.openImage(out.toString());
        assertNotNull(result, "Denoise... with the new model saved nothing:\n" + log);
        try (Denoiser direct = Denoiser.builder().model("denoise/tiny-cells").build()) {
            Fixtures.assertSamePixels(direct.denoise(noisy, -1), Fixtures.pixels(result));
        }
    }

    @Test
    void theCurrentPlaneOfAnRgbImageFromScratch() throws IOException {
        Img<UnsignedByteType> noisy = SyntheticImages.gaussianNoisy8bit(TestImages.coffee(), 20, 3).noisy();
        Path in = save(Fixtures.rgb("coffee.tif", noisy));

        String log = ImageJHarness.runMacro("setBatchMode(true);\n"
                + "open(\"" + in + "\");\n"
                + "run(\"Train on this image...\", \"name=coffee init=scratch planes=[current plane] steps=3\");\n"
                + "close(\"*\");\n");

        assertTrue(log.contains("Train: installed denoise/coffee in "), log);
        assertTrue(log.contains("on 3 plane(s) from coffee.tif (plane c1 z1 t1)"), "red, green and blue:\n" + log);
        String report = Files.readString(home.resolve("models/coffee/training.json"), StandardCharsets.UTF_8);
        assertTrue(report.contains("\"init\": \"none (from scratch)\""), report);
    }

    @Test
    void aBadNameIsReportedBeforeTrainingAndStopsTheMacro() throws IOException {
        Path in = save(Fixtures.gray("a.tif", SyntheticImages.fluorescenceTimeLapse(1, 32, 32, 1).noisy(), 1, 1, 1));

        String log = ImageJHarness.runMacro("setBatchMode(true);\n"
                + "open(\"" + in + "\");\n"
                + "run(\"Train on this image...\", \"name=[My Cells!] steps=5\");\n"
                + "print(\"the macro went on\");\n"
                + "close(\"*\");\n");

        assertTrue(log.contains("Train error: Cannot train on \"a.tif\": model name 'My Cells!' is not allowed"), log);
        assertFalse(log.contains("the macro went on"), "the macro must stop:\n" + log);
        assertFalse(log.contains("\tat org."), "no stack trace for the user: " + log);
        assertEquals(List.of(), installedModels());
    }

    @Test
    void theNameOfAShippedModelIsRefused() throws IOException {
        Path in = save(Fixtures.gray("b.tif", SyntheticImages.fluorescenceTimeLapse(2, 32, 32, 1).noisy(), 1, 1, 1));

        String log = ImageJHarness.runMacro("open(\"" + in + "\");\n"
                + "run(\"Train on this image...\", \"name=gaussian-gray steps=5\");\n"
                + "close(\"*\");\n");

        assertTrue(log.contains("'gaussian-gray' is the name of a model shipped with the denoiser; choose another"), log);
        assertEquals(List.of(), installedModels());
    }

    @Test
    void escapeCancelsTrainingAndInstallsNothing() throws Exception {
        Path in = save(Fixtures.gray("long.tif", SyntheticImages.fluorescenceTimeLapse(5, 64, 64, 4).noisy(), 1, 1, 4));
        CompletableFuture<String> run = ImageJHarness.startMacroAndAwaitRun("setBatchMode(true);\n"
                + "open(\"" + in + "\");\n"
                + "run(\"Train on this image...\", \"name=cancelled minutes=5 init=scratch\");\n"
                + "print(\"the macro went on\");\n"
                + "close(\"*\");\n");
        assertTrue(DenoiserSession.shared().isRunning(), "training did not start, or ended before Esc");
        Thread.sleep(1000); // most likely mid-run by then: steps taken must not be installed either
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        String log = run.get(60, TimeUnit.SECONDS); // 5 minutes if Esc were ignored

        assertTrue(log.contains("Train: Training on \"long.tif\" was cancelled; no model was installed."), log);
        assertFalse(log.contains("the macro went on"), "a cancelled run stops the macro:\n" + log);
        assertEquals(List.of(), installedModels());
        assertFalse(DenoiserSession.shared().isRunning());
    }

    private Path save(ImagePlus imp) {
        Path file = dir.resolve(imp.getTitle());
        IJ.saveAsTiff(imp, file.toString());
        return file;
    }

    /** Model folders in the user's models folder, except the two installed on purpose by other tests. */
    private static List<String> installedModels() throws IOException {
        Path models = home.resolve("models");
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(models)) {
            return folders.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("tiny-cells") && !n.equals("coffee"))
                    .toList();
        }
    }
}
