package org.hpacell.cli;

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
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
