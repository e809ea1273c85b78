package org.denoiser.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Every command and sub-command answers {@code --help} with its usage and exit code 0. */
class CommandHelpTest {

    @TestFactory
    Stream<DynamicTest> everyCommandPrintsItsUsageOnHelp() {
        List<String[]> paths = new ArrayList<>();
        collect(DenoiserCommand.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() > 10, "found only " + paths.size() + " commands");
        return paths.stream().flatMap(path -> Stream.of("--help", "-h").map(flag -> DynamicTest.dynamicTest(
                String.join(" ", path) + " " + flag, () -> {
                    List<String> args = new ArrayList<>(List.of(path));
                    args.add(flag);
                    CliRun run = CliRun.of(args.toArray(String[]::new));
                    assertEquals(0, run.exitCode(), run.err());
                    assertTrue(run.out().contains("Usage: denoiser " + String.join(" ", path)), run.out());
                    assertEquals("", run.err());
                })));
    }

    private static void collect(CommandLine command, List<String> prefix, List<String[]> into) {
        command.getSubcommands().forEach((name, sub) -> {
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            into.add(path.toArray(String[]::new));
            collect(sub, path, into);
        });
    }

    @Test
    void trainSelfHelpIsNotAMissingOptionError() {
        CliRun run = CliRun.of("train-self", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("--name=NAME"), run.out());
    }

    @Test
    void helpSubcommandPrintsTheUsageOfACommand() {
        CliRun run = CliRun.of("help", "denoise");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("--output=OUTDIR"), run.out());
    }

    @Test
    void badUsageIsOneLineThatPointsAtTheHelp() {
        CliRun run = CliRun.of("train-self", "in.png");
        assertEquals(2, run.exitCode());
        assertEquals("denoiser: Missing required option: '--name=NAME' (see 'denoiser train-self --help')", run.err().strip());
        assertFalse(run.err().contains("Usage:"), run.err());
    }
}
