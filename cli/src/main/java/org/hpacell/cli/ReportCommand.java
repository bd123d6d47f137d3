package org.hpacell.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpacell.report.ReportInputs;
import org.hpacell.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell report}: the HTML report of a pipeline or demo output folder, or of predictions. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML page (no network needed): with --run DIR, DIR/report.html "
                + "with the cell-level mAP of each method, the predicted cells of the first test fields with their "
                + "class activation maps, per-class AP and precision-recall curves, training curves, the class "
                + "distribution, the config and provenance; with --predictions, report.html beside the submission "
                + "with its predicted cells, the class distribution of its predictions and, when --data has a "
                + "truth.csv, its mAP, per-class AP and precision-recall curves.",
            "hpacell pipeline and hpacell demo write the run report at their end; this command remakes it.",
            "Exit codes: 0 done, 1 some section could not be made (the page says which), 3 bad input."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What the page describes: a run or predictions, exactly one. */
    static final class Source {
        @Option(names = "--run", required = true, paramLabel = "DIR",
                description = "Output folder of hpacell pipeline (--out) or hpacell demo (--out).")
        Path run;

        @Option(names = "--predictions", required = true, paramLabel = "PATH",
                description = "The submission written by hpacell predict --out, or a folder holding it as "
                        + "submission.csv; the page goes beside it as report.html.")
        Path predictions;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--train", paramLabel = "DIR",
            description = "The training folder, for its class distribution (known for a demo folder).")
    Path train;

    @Option(names = {"--data", "--test"}, paramLabel = "DIR",
            description = "The predicted fields (predict's --data, pipeline's --test): their images and, with "
                    + "truth.csv, per-class accuracy (known for a demo folder).")
    Path data;

    @Option(names = "--fields", paramLabel = "N", description = "Test fields drawn (default: ${DEFAULT-VALUE}).")
    int fields = RunReport.DEFAULT_FIELDS;

    @Override
    public Integer call() throws Exception {
        if (fields < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fields must be >= 0, got " + fields);
        }
        ReportInputs in = source.run != null ? ReportInputs.locate(source.run, train, data)
                : ReportInputs.ofPredictions(source.predictions, train, data);
        return done(RunReport.write(in, fields, common.progress()));
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
