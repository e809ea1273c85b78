package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.denoiser.cli.DenoiserCommand;
import picocli.CommandLine;

/**
 * Runs the real {@code denoiser denoise} command in this JVM on bytes a test also sends to the
 * worker, so a test compares the worker with what a user of the command line gets for the same file.
 */
final class CliRuns {
    private CliRuns() {}

    /**
     * Writes {@code value} as {@code dir/in/name}, denoises it with {@code denoiser denoise --model
     * model [options]} into a new folder under {@code dir}, and returns the output file's bytes.
     */
    static byte[] denoise(Path dir, String name, byte[] value, String model, String... options) throws IOException {
        Path input = Files.createDirectories(dir.resolve("in")).resolve(name);
        Files.write(input, value);
        Path output = Files.createTempDirectory(dir, "cli-out");
        List<String> args = new ArrayList<>(List.of("denoise", "--model", model));
        args.addAll(List.of(options));
        args.addAll(List.of(input.toString(), "-o", output.toString()));
        StringWriter err = new StringWriter();
        CommandLine cli = DenoiserCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int exit = cli.execute(args.toArray(String[]::new));
        assertEquals(0, exit, "denoiser " + String.join(" ", args) + ": " + err);
        Path result = output.resolve(name);
        assertTrue(Files.isRegularFile(result), "the CLI wrote " + result);
        return Files.readAllBytes(result);
    }
}
