package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFlowNativesTest {
    @Test
    void twoProcessesInstallingAtOnceBothGetAWorkingEngine(@TempDir Path home) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Ddenoiser.home=" + home,
                    NativesProbe.class.getName());
            pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
            pb.redirectErrorStream(true);
            processes.add(pb.start());
        }
        for (Process p : processes) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.contains("engine 2."), output);
        }
        Path natives = home.resolve("cache/native");
        try (Stream<Path> dirs = Files.list(natives)) {
            List<Path> left = dirs.toList();
            assertEquals(1, left.size(), "one published copy and no temporary leftovers: " + left);
            assertTrue(Files.size(left.get(0).resolve("libtensorflow_cc.so.2")) > 100_000_000L);
        }
    }
}
