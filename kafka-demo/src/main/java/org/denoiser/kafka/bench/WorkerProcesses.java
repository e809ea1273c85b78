package org.denoiser.kafka.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code denoiser worker} in a JVM of its own, as in production, with this JVM's classpath,
 * logging to a file: for the benchmarks that measure a worker process and the tests that kill one.
 */
public final class WorkerProcesses {
    private WorkerProcesses() {}

    /** The resident memory of a running process in MiB (Linux {@code /proc}), or NaN where unknown. */
    public static double residentMebibytes(Process process, String field) {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    public static Process start(Path log, Map<String, String> environment, String... workerArgs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), "org.denoiser.cli.DenoiserCommand", "worker"));
        command.addAll(List.of(workerArgs));
        File file = log.toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(file);
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        builder.environment().putAll(environment);
        return builder.start();
    }
}
