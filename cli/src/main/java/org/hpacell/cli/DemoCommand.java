package org.hpacell.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hpacell.pipeline.Demo;
import org.hpacell.report.ReportInputs;
import org.hpacell.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell demo}: the whole job on an embedded default (a synthetic atlas with per-cell truth). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates a small synthetic atlas (image labels for training, per-cell truth for the held-out "
                + "fields), runs the whole pipeline on it, and prints the cell-level mAP of each method against the "
                + "broadcast baseline and the oracle. About 10 minutes on 2 cores (--quick: about 2).",
            "Everything goes to one folder (--out); a rerun resumes."})
final class DemoCommand implements Callable<Integer>, UsesEngine {
    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("hpacell-demo");

    @Option(names = "--quick", description = "A smaller run (fewer, smaller fields; shorter training).")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        Demo.Size size = quick ? Demo.Size.quick() : Demo.Size.standard();
        long t0 = System.nanoTime();
        Demo.Summary s = new Demo(size, common.seed(), common.threads(), common.progress(), common.log()).run(out);
        RunReport.Result report = RunReport.write(ReportInputs.locate(out, null, null), RunReport.DEFAULT_FIELDS,
                common.progress());
        PipelineCommand.print(s.cellMap());
        System.out.printf(java.util.Locale.ROOT, "demo finished in %.0f s; everything is in %s%n",
                (System.nanoTime() - t0) / 1e9, out.toAbsolutePath());
        System.out.println("submission: " + s.submission().toAbsolutePath());
        return ReportCommand.done(report);
    }
}
