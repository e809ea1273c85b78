package org.denoiser.imagej;

import static org.denoiser.imagej.Fixtures.MODEL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;
import org.denoiser.api.CancelledException;
import org.denoiser.testimages.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared session (model loaded once per ImageJ session), cancelling with Esc, the "current
 * plane" choice, and what the user sees when something is wrong, all through real ImageJ.
 */
class SessionTest {
    @TempDir
    Path dir;

    @Test
    void aBatchOverAFolderLoadsTheModelOnce() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        for (int i = 0; i < 3; i++) {
            ImagePlus noisy = Fixtures.gray("frame" + i + ".tif",
                    SyntheticImages.fluorescenceTimeLapse(i, 64, 64, 2).noisy(), 1, 1, 2);
            IJ.saveAsTiff(noisy, in.resolve(noisy.getTitle()).toString());
        }
        DenoiserSession.shared().close(); // start as a fresh ImageJ would
        int loadsBefore = DenoiserSession.shared().modelLoads();

        String log = ImageJHarness.runMacro("setBatchMode(true);\n"
                + "files = getFileList(\"" + in + "/\");\n"
                + "for (i = 0; i < files.length; i++) {\n"
                + "  open(\"" + in + "/\" + files[i]);\n"
                + "  run(\"Denoise...\", \"model=" + MODEL + " stack\");\n"
                + "  saveAs(\"Tiff\", \"" + out + "/\" + getTitle());\n"
                + "  close(\"*\");\n"
                + "}\n");

        assertEquals(1, DenoiserSession.shared().modelLoads() - loadsBefore, "model loads for 3 images");
        assertEquals(1, log.split("loaded model", -1).length - 1, "'loaded model' lines in the log:\n" + log);
        try (Stream<Path> saved = Files.list(out)) {
            assertEquals(3, saved.filter(p -> p.getFileName().toString().endsWith("-denoised.tif")).count());
        }
    }

    @Test
    void escapeCancelsMidStackWithoutResultAndTheNextRunWorks() throws Exception {
        ImagePlus noisy = Fixtures.gray("long.tif", SyntheticImages.fluorescenceTimeLapse(9, 256, 256, 120).noisy(), 1, 1, 120);
        ImageJHarness.denoise(Fixtures.gray("warm.tif", SyntheticImages.fluorescenceTimeLapse(1, 32, 32, 1).noisy(), 1, 1, 1),
                "model=" + MODEL + " stack", dir); // model loaded before the run that is cancelled
        int loads = DenoiserSession.shared().modelLoads();
        int imagesBefore = WindowManager.getImageCount();

        CompletableFuture<ImageJHarness.MacroRun> run = CompletableFuture.supplyAsync(() -> {
            try {
                return ImageJHarness.denoise(noisy, "model=" + MODEL + " stack", dir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!DenoiserSession.shared().isRunning() && System.nanoTime() < deadline && !run.isDone()) {
            Thread.sleep(5);
        }
        assertTrue(DenoiserSession.shared().isRunning(), "the run did not start, or ended before Esc");
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        ImageJHarness.MacroRun cancelled = run.get(60, TimeUnit.SECONDS);
        IJ.setKeyUp(KeyEvent.VK_ESCAPE);
        IJ.resetEscape();

        assertNull(cancelled.saved(), "a cancelled macro must not save anything");
        assertEquals(imagesBefore, WindowManager.getImageCount(), "no result image left behind");
        assertFalse(DenoiserSession.shared().isRunning());
        ImagePlus next = ImageJHarness.denoise(Fixtures.gray("next.tif",
                SyntheticImages.fluorescenceTimeLapse(2, 48, 48, 2).noisy(), 1, 1, 2), "model=" + MODEL + " stack", dir).saved();
        assertNotNull(next, "the session works after a cancel");
        assertEquals(loads, DenoiserSession.shared().modelLoads(), "cancel must not drop the loaded model");
    }

    @Test
    void cancelFromTheMonitorThrowsAndReturnsNothing() {
        ImagePlus noisy = Fixtures.gray("t.tif", SyntheticImages.fluorescenceTimeLapse(4, 64, 64, 6).noisy(), 1, 1, 6);
        int[] calls = {0};
        RunMonitor cancelAfterFirstTile = new RunMonitor() {
            @Override
            public void progress(double fraction) {
                calls[0]++;
            }

            @Override
            public boolean isCancelled() {
                return calls[0] > 0;
            }
        };
        ImagePlusDenoiser denoiser = new ImagePlusDenoiser(DenoiserSession.shared());
        assertThrows(CancelledException.class,
                () -> denoiser.denoise(noisy, new DenoiseOptions(MODEL, true, 512), cancelAfterFirstTile));
        assertEquals(1, calls[0], "stopped after the first tile");
    }

    @Test
    void currentPlaneIsThatPlaneOfTheWholeStackResultAndTheOriginalIsUntouched() {
        ImagePlus noisy = Fixtures.gray("cells.tif", SyntheticImages.twoChannelHyperstack(3, 80, 64, 4).noisy(), 2, 4, 1);
        short[] before = ((short[]) noisy.getStack().getPixels(6)).clone();
        noisy.setPositionWithoutUpdate(2, 3, 1);
        ImagePlusDenoiser denoiser = new ImagePlusDenoiser(DenoiserSession.shared());

        ImagePlus plane = denoiser.denoise(noisy, new DenoiseOptions(MODEL, false, 512), RunMonitor.NONE);
        ImagePlus stack = denoiser.denoise(noisy, new DenoiseOptions(MODEL, true, 512), RunMonitor.NONE);

        assertEquals(1, plane.getStackSize());
        assertEquals("cells-denoised", plane.getTitle());
        int index = noisy.getStackIndex(2, 3, 1);
        assertArrayEquals((short[]) stack.getStack().getPixels(index), (short[]) plane.getProcessor().getPixels());
        assertArrayEquals(before, (short[]) noisy.getStack().getPixels(6), "the original's pixels changed");
    }

    @Test
    void unknownModelIsReportedInTheLogAndNothingIsSaved() throws IOException {
        ImagePlus noisy = Fixtures.gray("a.tif", SyntheticImages.fluorescenceTimeLapse(1, 32, 32, 1).noisy(), 1, 1, 1);

        ImageJHarness.MacroRun run = ImageJHarness.denoise(noisy, "model=denoise/no-such-model stack", dir);

        assertNull(run.saved(), "the macro must stop, not save the noisy image as the result");
        assertTrue(run.log().contains("Denoise error: Cannot denoise \"a.tif\": unknown model 'denoise/no-such-model'"),
                run.log());
        assertTrue(run.log().contains(MODEL), "the message lists the models there are: " + run.log());
        assertFalse(run.log().contains("\tat org."), "no stack trace for the user: " + run.log());
    }

    @Test
    void aMisspeltKeyStopsTheMacroInsteadOfUsingTheDefault() throws IOException {
        ImagePlus noisy = Fixtures.gray("k.tif", SyntheticImages.fluorescenceTimeLapse(1, 32, 32, 1).noisy(), 1, 1, 1);

        ImageJHarness.MacroRun run = ImageJHarness.denoise(noisy, "modle=" + MODEL + " stack", dir);

        assertNull(run.saved(), "the macro must stop, not save a result made with another model");
        assertTrue(run.log().contains("unknown key 'modle'; valid keys: model=<id>, stack, tile=<pixels>"), run.log());
    }

    @Test
    void noImageIsReportedInTheLogAndStopsTheMacro() throws IOException {
        String log = ImageJHarness.runMacro("close(\"*\");\nrun(\"Denoise...\", \"stack\");\nprint(\"went on\");\n");

        assertTrue(log.contains("Denoise error: there is no image open"), log);
        assertFalse(log.contains("went on"), "the macro must stop: " + log);
    }

    @Test
    void badTileSizeIsReportedInTheLog() throws IOException {
        ImagePlus noisy = Fixtures.gray("b.tif", SyntheticImages.fluorescenceTimeLapse(1, 32, 32, 1).noisy(), 1, 1, 1);

        ImageJHarness.MacroRun run = ImageJHarness.denoise(noisy, "model=" + MODEL + " tile=4", dir);

        assertNull(run.saved());
        assertTrue(run.log().contains("tile size must be at least 16 pixels, got 4"), run.log());
    }

    @Test
    void theCurrentPlaneOfAStackFromAMacro() throws IOException {
        ImagePlus noisy = Fixtures.gray("c.tif", SyntheticImages.fluorescenceTimeLapse(1, 40, 40, 3).noisy(), 1, 3, 1);

        ImagePlus result = ImageJHarness.denoise(noisy, "model=" + MODEL, dir).saved();

        assertNotNull(result);
        assertEquals(1, result.getStackSize(), "without 'stack' only the plane on display is denoised");
        RandomAccessibleInterval<?> firstPlane = Views.hyperSlice(Fixtures.direct(
                SyntheticImages.fluorescenceTimeLapse(1, 40, 40, 3).noisy(), -1), 2, 0);
        Fixtures.assertSamePixels((RandomAccessibleInterval) firstPlane, Fixtures.pixels(result));
    }
}
