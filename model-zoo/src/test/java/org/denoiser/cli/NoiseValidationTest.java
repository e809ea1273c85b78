package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Noise parameters are checked before any model or image loads, and noise that does not fit an image is an error. */
class NoiseValidationTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--poisson-gauss; NaN,0; Poisson gain must be > 0",
        "--poisson-gauss; -1,2; Poisson gain must be > 0",
        "--poisson-gauss; 1,1e40; Read noise must be >= 0 and at most 1.0E30",
        "--gaussian; -3; Gaussian sigma must be >= 0",
        "--gaussian; 1e300; Gaussian sigma must be >= 0 and at most 1.0E30",
        "--salt-pepper; 1.5; density must be in 0..1",
        "--noise; pink:3; unknown noise 'pink'"})
    void badNoiseIsAUsageErrorBeforeTheModelOrTheInputsLoad(String option, String value, String problem) {
        // The model does not exist and the input is missing: the noise must be what is reported.
        for (String[] args : new String[][] {
            {"noise", option, value, tmp.resolve("missing.png").toString(), "-o", tmp.resolve("out").toString()},
            {"eval", "--model", "denoise/nope", option, value, tmp.resolve("missing").toString()},
            {"montage", "--model", "denoise/nope", option, value, tmp.resolve("missing.png").toString(), "-o", tmp.resolve("m.png").toString()}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("denoiser: Invalid value for option '" + option + "'"), run.err());
            assertTrue(run.err().contains(problem), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aGainFarTooSmallForTheImageIsAnErrorAndWritesNothing() throws IOException {
        Path input = tmp.resolve("bright.png");
        byte[] pixels = new byte[32 * 32];
        java.util.Arrays.fill(pixels, (byte) 200);
        ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, ArrayImgs.unsignedBytes(pixels, 32, 32, 1, 1)), input);

        CliRun run = CliRun.of("noise", "--poisson-gauss", "1e-17,0", input.toString(), "-o", tmp.resolve("out").toString());

        assertEquals(2, run.exitCode());
        assertEquals("denoiser: " + input + ": noise poisson-gauss:0.00000000000000001,0 does not fit the image: a pixel of value 200 "
                + "would hold 2.00e+19 photons, more than the 1000000000 simulated (a camera pixel holds about 1e5); use a larger gain",
                run.err().strip());
        assertFalse(Files.exists(tmp.resolve("out/bright.png")));
    }
}
