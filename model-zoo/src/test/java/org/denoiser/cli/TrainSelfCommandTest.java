package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainSelfCommandTest {
    @TempDir
    Path tmp;

    /** Runs the real command line in a fresh JVM with its own denoiser home; returns exit code and output. */
    private record Child(int exitCode, String output) {
        static Child run(Path home, String... args) throws IOException, InterruptedException {
            ChildCli run = ChildCli.run(List.of("-Ddenoiser.home=" + home), args);
            return new Child(run.exitCode(), run.output());
        }
    }

    private Path noisyPng() {
        Random random = new Random(3);
        byte[] pixels = new byte[64 * 64];
        for (int i = 0; i < pixels.length; i++) {
            double signal = 120 + 60 * Math.sin(i % 64 / 6.0) * Math.cos(i / 64 / 9.0);
            pixels[i] = (byte) Math.max(0, Math.min(255, Math.round(signal + 20 * random.nextGaussian())));
        }
        Path file = tmp.resolve("noisy.png");
        ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, ArrayImgs.unsignedBytes(pixels, 64, 64, 1, 1)), file);
        return file;
    }

    @Test
    void aTrainedModelIsUsableByIdFromAFreshProcess() throws Exception {
        Path home = tmp.resolve("home");
        Path input = noisyPng();
        Child trained = Child.run(home, "train-self", input.toString(), "--name", "my-cells", "--steps", "5");
        assertEquals(0, trained.exitCode(), trained.output());
        assertTrue(trained.output().contains("installed denoise/my-cells"), trained.output());

        Child listed = Child.run(home, "models");
        assertTrue(listed.output().contains("denoise/my-cells"), listed.output());
        assertTrue(listed.output().contains("Self-supervised"), "metadata says how it was trained: " + listed.output());
        Child denoised = Child.run(home, "denoise", "--model", "denoise/my-cells", input.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(0, denoised.exitCode(), denoised.output());
        assertEquals(64, ImageCodec.defaults().read(tmp.resolve("out/noisy.png")).width());
        assertTrue(Files.isRegularFile(home.resolve("models/my-cells/training.json")));
    }

    @Test
    void aNameTakenByAShippedModelIsRefusedBeforeTraining() {
        CliRun run = CliRun.of("train-self", noisyPng().toString(), "--name", "poisson-gauss", "--steps", "5");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'poisson-gauss' is the name of a model shipped"), run.err());
    }

    @Test
    void aBadNameStopsBeforeTheInputIsRead() {
        CliRun run = CliRun.of("train-self", tmp.resolve("missing.tif").toString(), "--name", "Cells!");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("model name 'Cells!' is not allowed"), "the name, not the missing file: " + run.err());
    }
}
