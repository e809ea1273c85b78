package org.denoiser.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import org.denoiser.api.DenoiseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./denoiser}: the top-level command; each sub-command is a few lines over the library. */
@Command(
        name = "denoiser",
        mixinStandardHelpOptions = true,
        version = "denoiser 0.1.0",
        description = "Removes noise from images with trained convolutional autoencoders.",
        subcommands = {ModelsCommand.class, DenoiseCommand.class, NoiseCommand.class, EvalCommand.class,
            MontageCommand.class, TrainCommand.class, TrainSelfCommand.class, DemoCommand.class, BenchCommand.class, BenchSelfCommand.class, ExportDigitsCommand.class, ExportBioImageCommand.class,
            CommandLine.HelpCommand.class})
public final class DenoiserCommand {
    static final int USER_ERROR = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with our error policy: user errors are one line and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DenoiserCommand());
        for (CommandProvider provider : ServiceLoader.load(CommandProvider.class, DenoiserCommand.class.getClassLoader())) {
            for (Object command : provider.commands()) {
                CommandLine sub = new CommandLine(command);
                cli.getCommandSpec().removeSubcommand(sub.getCommandName());
                cli.addSubcommand(sub);
            }
        }
        addHelpOptions(cli);
        cli.setParameterExceptionHandler(DenoiserCommand::handleBadUsage);
        cli.setExecutionExceptionHandler(DenoiserCommand::handle);
        return cli;
    }

    /**
     * Gives every command, provided ones included, {@code -h/--help}, so {@code denoiser X --help}
     * prints X's usage even when X has required options.
     */
    private static void addHelpOptions(CommandLine command) {
        if (command.getCommandSpec().findOption("--help") == null) {
            command.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                    .usageHelp(true).description("Show this help message and exit.").build());
        }
        command.getSubcommands().values().forEach(DenoiserCommand::addHelpOptions);
    }

    /** Bad usage: one line naming the problem and where the usage is, not the whole usage text. */
    private static int handleBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("denoiser: " + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return USER_ERROR;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof DenoiseException || e instanceof IllegalArgumentException) {
            err.println("denoiser: " + e.getMessage());
            return USER_ERROR;
        }
        err.println("denoiser: internal error: " + e);
        for (StackTraceElement frame : e.getStackTrace()) {
            err.println("    at " + frame);
        }
        return 1;
    }
}
