package org.hpacell.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hpacell} command. Each subcommand is a class of its own in this package, registered in
 * {@link #SUBCOMMANDS}; options common to all of them live in {@link CommonOptions}.
 */
@Command(name = "hpacell", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Single-cell protein localisation for Human Protein Atlas images, learnt from image-level labels.")
public final class HpaCell extends CommandGroup {

    /** Every subcommand, in the order `hpacell --help` lists them. */
    static final Object[] SUBCOMMANDS = {
        DemoCommand.class,
        PipelineCommand.class,
        ReportCommand.class,
        DataCommand.class,
        MaskCommand.class,
        ExportCommand.class,
        EvaluateCommand.class,
        SynthCommand.class,
        TrainCommand.class,
        TrainSegmenterCommand.class,
        PredictImagesCommand.class,
        BenchCommand.class,
        CamsCommand.class,
        PseudoCommand.class,
        PredictCommand.class,
        SegmentCommand.class,
    };

    /** Builds the command line with all subcommands and hpacell's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HpaCell());
        for (Object sub : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
        cl.setExecutionStrategy(HpaCell::execute);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        return cl;
    }

    /** Runs the parsed command; one that {@link UsesEngine uses the engine} runs with its logging set. */
    private static int execute(CommandLine.ParseResult parsed) {
        List<CommandLine> commands = parsed.asCommandLineList();
        CommandLine last = commands.get(commands.size() - 1);
        boolean help = commands.stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        if (!help && last.getCommand() instanceof UsesEngine e && e.usesEngine()) {
            return EngineLogging.run(ErrorHandler.verbose(parsed), last, () -> run.execute(parsed));
        }
        return run.execute(parsed);
    }

    /** Runs the command line {@code args} and exits with its {@link ExitCodes exit code}. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
