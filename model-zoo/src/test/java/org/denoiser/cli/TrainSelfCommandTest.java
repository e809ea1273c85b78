package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.zoo.TensorFlowNatives;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-self} end to end, a few steps: the name is checked before anything is read, and a
 * run installs a model that {@code denoise} then finds by id. Models go to a temporary
 * {@code -Ddenoiser.home}, never to the developer's {@code ~/.denoiser}.
 */
class TrainSelfCommandTest {
    @TempDir
    Path tmp;
    private String previousHome;

    @BeforeEach
    void temporaryHome() {
        TensorFlowNatives.ensureInstalled(); // where they already are, not again in the temporary home
        previousHome = System.getProperty("denoiser.home");
        System.setProperty("denoiser.home", tmp.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("denoiser.home");
        } else {
            System.setProperty("denoiser.home", previousHome);
        }
    }

    @Test
    void trainsInstallsAndTheModelDenoisesById() {
        Path input = noisyStack("cells.tif");

        CliRun run = CliRun.of("train-self", input.toString(), "--name", "cli-cells", "--steps", "3", "--threads", "2");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("trained denoise/cli-cells on 3 plane(s) from cells.tif (64x64, UnsignedShort): 3 steps"),
                run.out());
        assertTrue(run.lastLine().startsWith("installed denoise/cli-cells in " + tmp.resolve("home/models/cli-cells")),
                run.out());
        assertTrue(Files.isRegularFile(tmp.resolve("home/models/cli-cells/training.json")));
        CliRun denoise = CliRun.of("denoise", "--model", "denoise/cli-cells", input.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(0, denoise.exitCode(), denoise.err());
        assertTrue(Files.isRegularFile(tmp.resolve("out/cells.tif")));
    }

    @Test
    void aBadNameStopsBeforeTheInputIsRead() {
        CliRun run = CliRun.of("train-self", tmp.resolve("missing.tif").toString(), "--name", "Cells!");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("model name 'Cells!' is not allowed"), run.err());
        assertFalse(Files.exists(tmp.resolve("home/models")), "nothing installed");
    }

    /** A 64x64 16-bit stack of 3 planes (x, y, c, z) of seeded noise. */
    private Path noisyStack(String name) {
        Img<UnsignedShortType> pixels = ArrayImgs.unsignedShorts(64, 64, 1, 3);
        Random random = new Random(7);
        pixels.forEach(p -> p.set(1000 + (int) Math.round(200 * random.nextGaussian())));
        Path file = tmp.resolve(name);
        ImageCodec.defaults().write(ImageData.of(ImageFormat.TIFF, pixels), file);
        return file;
    }
}
