package org.denoiser.cli;

import picocli.CommandLine.Option;

/** The switch that lets a command replace results that already exist; inputs are never replaced. */
final class OverwriteOption {
    @Option(names = "--overwrite",
            description = "Replace results that already exist (never an input). Without it, a run that would replace a file writes nothing.")
    boolean overwrite;
}
