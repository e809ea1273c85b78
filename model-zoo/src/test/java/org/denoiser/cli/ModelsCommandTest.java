package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code denoiser models} shows each model's contract: axes, normalization, noise ranges, conditioning. */
class ModelsCommandTest {
    /** The lines {@code models} prints for one model, from its id line to the next model's. */
    private static String entry(String output, String id) {
        int start = output.indexOf(id + "  (version");
        assertTrue(start >= 0, id + " is listed: " + output);
        int end = output.indexOf("\ndenoise/", start);
        return output.substring(start, end < 0 ? output.length() : end);
    }

    @Test
    void eachModelShowsHowItIsFedAndWhatNoiseItKnows(@TempDir Path emptyHome) {
        String previousHome = System.getProperty("denoiser.home");
        System.setProperty("denoiser.home", emptyHome.toString()); // the shipped models only
        CliRun run;
        try {
            run = CliRun.of("models");
        } finally {
            if (previousHome == null) {
                System.clearProperty("denoiser.home");
            } else {
                System.setProperty("denoiser.home", previousHome);
            }
        }
        assertEquals(0, run.exitCode(), run.err());
        String told = entry(run.out(), "denoise/poisson-gauss-nl");
        assertTrue(told.contains("axes byxc, 1 channel(s)"), told);
        assertTrue(told.contains("normalization: uint8: fixed-range 0..255 -> 0..1; uint16, floating: percentile-headroom"
                + " 0.1..99.9 % -> 0.2..0.8, kept as measured above 0.95, span at most 50 noise sigmas"), told);
        assertTrue(told.contains("noise ranges:  poisson-gaussian, shot 0..0.7071, read 0..0.2157 (network units)"), told);
        assertTrue(told.contains("told the noise level: input 'noise_level'"), told);
        String blind = entry(run.out(), "denoise/gaussian-gray");
        assertTrue(blind.contains("noise ranges:  gaussian, sigma 0..0.2157 (network units)"), blind);
        assertTrue(Arrays.stream(blind.split("\n")).noneMatch(l -> l.contains("told the noise level")), blind);
    }
}
