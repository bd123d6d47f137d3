package org.hpacell.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.hpacell.metric.GapRecovered;
import java.util.concurrent.Callable;
import org.hpacell.pipeline.Pipeline;
import org.hpacell.pipeline.PipelineConfig;
import org.hpacell.report.ReportInputs;
import org.hpacell.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell pipeline}: every stage on a user's data, resumable. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Runs every stage on your data: segment, stage 1 (image classifier on image labels), CAMs, "
                + "five-level cell pseudo labels, stage 2 (cell classifier), predict; writes OUT/submission.csv "
                + "and, when the test folder has truth.csv, the cell-level mAP.",
            "Finished stages are kept: a rerun resumes at the first unfinished one. A stage whose inputs, config "
                    + "section or hpacell version changed is redone with every stage after it (one line says what "
                    + "changed). A second run into the same OUT is refused while the first runs.",
            "Fields that cannot be used are listed in OUT/errors.csv and the report; the others get everything "
                    + "(exit code 1)."})
final class PipelineCommand implements Callable<Integer>, UsesEngine {
    @Mixin
    CommonOptions common;

    @Mixin
    ChannelOptions channels;

    @Option(names = "--train", required = true, paramLabel = "DIR",
            description = "Training fields in the HPA layout with train.csv (image labels).")
    Path train;

    @Option(names = "--test", required = true, paramLabel = "DIR", description = "Fields to predict.")
    Path test;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Pipeline config (JSON); unnamed keys keep their defaults. OUT/config.json shows them all.")
    Path config;

    @Override
    public Integer call() throws Exception {
        PipelineConfig c = config == null ? PipelineConfig.defaults() : PipelineConfig.read(config);
        if (common.threadsGiven()) {
            c.threads = common.threads();
        }
        if (channels.channels != null) {
            channels.order(); // a bad list fails here, before any stage runs
            c.channels = channels.channels;
        }
        Pipeline.Result r = new Pipeline(c, out, common.progress(), common.log()).run(train, test);
        print(r.cellMap());
        System.out.println("submission: " + r.submission());
        int report = ReportCommand.done(RunReport.write(ReportInputs.ofPipeline(out, train, test),
                RunReport.DEFAULT_FIELDS, common.progress()));
        if (!r.failures().isEmpty()) {
            System.err.printf(Locale.ROOT, "%d fields were skipped:%n", r.failures().size());
            r.failures().forEach(f -> System.err.println("  " + f));
            return ExitCodes.PARTIAL;
        }
        return report;
    }

    static void print(Map<String, Double> cellMap) {
        if (cellMap.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.print(GapRecovered.format(cellMap));
        System.out.println();
    }
}
