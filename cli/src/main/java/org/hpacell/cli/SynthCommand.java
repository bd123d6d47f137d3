package org.hpacell.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hpacell.io.IoProblems;
import org.hpacell.progress.Progress;
import org.hpacell.synth.Difficulty;
import org.hpacell.synth.PreviewSheet;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SynthSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell synth}: generate a synthetic atlas with per-cell ground truth. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic HPA-like dataset whose cells carry known labels: ID_red|green|blue|yellow.png, "
                + "train.csv (image labels), truth.csv (per-cell truth, submission layout), cells.csv, "
                + "truth/ID_cells.png and truth/ID_nuclei.png (16-bit label images) and synth.json (all parameters).",
                "The same synth.json (or the same options and --seed) gives byte-identical files, whatever --threads."})
public final class SynthCommand implements Callable<Integer> {
    private static final int PREVIEW_FIELDS = 8;

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--images", paramLabel = "N", description = "Number of fields (default: 20).")
    Integer images;

    @Option(names = "--size", paramLabel = "PX", description = "Field width and height in pixels (default: 256).")
    Integer size;

    @Option(names = "--bit-depth", paramLabel = "8|16", description = "Bits per channel value (default: 16).")
    Integer bitDepth;

    @Option(names = "--difficulty", paramLabel = "easy|hpa|hard",
            description = "Parameter preset (default: hpa, the statistics of real HPA fields).")
    String difficulty;

    @Option(names = "--heterogeneity", paramLabel = "F",
            description = "Probability that a cell deviates from its field's classes (overrides the preset).")
    Double heterogeneity;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Start from a synth.json (e.g. of an earlier dataset) instead of a preset.")
    Path config;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Override any parameter of synth.json by its dotted name, e.g. --set optics.blur=0.04 "
                    + "--set labels.classFrequencies=[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]. Repeatable.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--preview", description = "Also write DIR/preview.png: a contact sheet of the first fields.")
    boolean preview;

    @Override
    public Integer call() throws Exception {
        SynthParams params = resolve();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (!common.quiet()) {
            err.printf(Locale.ROOT, "synth: %d fields of %dx%d, %d-bit, %s, seed %d, %d thread(s) -> %s%n",
                    params.images(), params.size(), params.size(), params.bitDepth(), params.difficulty().id(),
                    params.seed(), common.threads(), out);
            err.flush();
        }
        IoProblems.checkWritableFolder(out);
        PreviewSheet sheet = preview ? new PreviewSheet(Math.min(params.size(), 256), 4) : null;
        long t0 = System.nanoTime();
        SynthSummary summary;
        try (Progress progress = ConsoleProgress.factory(common).start("synth", params.images())) {
            summary = new SynthDataset(params).write(out, common.threads(), progress, sheet, PREVIEW_FIELDS);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (sheet != null) {
            sheet.write(out.resolve("preview.png"));
        }
        if (!common.quiet()) {
            outw.print(summary.format());
        }
        outw.printf(Locale.ROOT, "wrote %d fields to %s in %.1f s (%.2f fields/s)%s%n", summary.fields(), out, seconds,
                summary.fields() / Math.max(1e-9, seconds), sheet != null ? "; preview: " + out.resolve("preview.png") : "");
        outw.flush();
        return ExitCodes.OK;
    }

    /** The parameters: preset or --config, then the explicit options, then --set. */
    SynthParams resolve() throws java.io.IOException {
        boolean seedGiven = spec.commandLine().getParseResult().hasMatchedOption("--seed");
        SynthParams p;
        if (config != null) {
            p = SynthParams.read(config);
            if (difficulty != null) {
                throw new IllegalArgumentException("--difficulty and --config exclude each other (the config holds a full preset)");
            }
        } else {
            Difficulty d = difficulty == null ? Difficulty.HPA : Difficulty.parse(difficulty);
            p = d.params(common.seed(), 20, 256, 16);
        }
        Map<String, String> o = new LinkedHashMap<>();
        if (seedGiven || config == null) o.put("seed", Long.toString(common.seed()));
        if (images != null) o.put("images", images.toString());
        if (size != null) o.put("size", size.toString());
        if (bitDepth != null) o.put("bitDepth", bitDepth.toString());
        if (heterogeneity != null) o.put("labels.heterogeneity", heterogeneity.toString());
        o.putAll(set);
        return p.withOverrides(o);
    }
}
