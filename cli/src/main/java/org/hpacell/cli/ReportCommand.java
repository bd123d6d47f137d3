package org.hpacell.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpacell.report.ReportInputs;
import org.hpacell.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell report}: the HTML report of a pipeline or demo output folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes DIR/report.html (DIR as given to --run): one self-contained page (no network "
                + "needed) with the cell-level mAP of each method, the predicted cells of the first test fields "
                + "with their class activation maps, "
                + "per-class AP and precision-recall curves, training curves, the class distribution, the config "
                + "and provenance.",
            "hpacell pipeline and hpacell demo write it at their end; this command remakes it."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "Output folder of hpacell pipeline (--out) or hpacell demo (--out).")
    Path run;

    @Option(names = "--train", paramLabel = "DIR",
            description = "The pipeline's training folder, for the class distribution (known for a demo folder).")
    Path train;

    @Option(names = "--test", paramLabel = "DIR",
            description = "The pipeline's test folder, for field images and, with truth.csv, per-class accuracy "
                    + "(known for a demo folder).")
    Path test;

    @Option(names = "--fields", paramLabel = "N", description = "Test fields drawn (default: ${DEFAULT-VALUE}).")
    int fields = RunReport.DEFAULT_FIELDS;

    @Override
    public Integer call() throws Exception {
        if (fields < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fields must be >= 0, got " + fields);
        }
        RunReport.Result r = RunReport.write(ReportInputs.locate(run, train, test), fields, common.progress());
        return done(r);
    }

    /** Prints where the report went and any section that could not be made; the exit code to return. */
    static int done(RunReport.Result r) {
        System.out.println("report: " + r.file().toAbsolutePath());
        if (r.problems().isEmpty()) {
            return ExitCodes.OK;
        }
        System.err.println("parts of the report could not be made:");
        r.problems().forEach(p -> System.err.println("  " + p));
        return ExitCodes.PARTIAL;
    }
}
