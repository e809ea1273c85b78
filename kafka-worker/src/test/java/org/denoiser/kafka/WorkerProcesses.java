package org.denoiser.kafka;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code denoiser worker} in a JVM of its own, as in production, with the test's classpath, logging to a file. */
final class WorkerProcesses {
    private WorkerProcesses() {}

    static Process start(Path log, Map<String, String> environment, String... workerArgs) throws IOException {
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
