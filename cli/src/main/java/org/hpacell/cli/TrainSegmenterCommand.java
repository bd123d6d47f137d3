package org.hpacell.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hpacell.io.HpaDataset;
import org.hpacell.segnet.SegmentationTarget;
import org.hpacell.segnet.SegmenterTraining;
import org.hpacell.segnet.TruthSamples;
import org.hpacell.synth.Difficulty;
import org.hpacell.synth.SynthParams;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell train-segmenter}: train the nucleus and cell U-Nets on a synthetic atlas's true labels. */
@Command(name = "train-segmenter", mixinStandardHelpOptions = true,
        description = {"Train hpacell's segmentation U-Nets (HPA's three maps: background, touching border, "
                + "foreground) on the true label images of a synthetic atlas, with the training engine.",
                "Training fields come from --data (a folder written by 'hpacell synth') or are generated in "
                        + "memory (--synth N).",
                "RUN/nuclei and RUN/cells are run folders (config.json, metrics.csv, checkpoints); --resume "
                        + "continues killed runs. RUN is a model for 'hpacell segment --method unet --model RUN'.",
                "--export DIR also copies what inference needs (config.json, checkpoints/best.ckpt per target) to DIR.",
                "--config gives training keys (JSON); model (segnet-TARGET-wW-dD), objective and batch builder "
                        + "are set per target. --threads sets the engine threads, --seed the seed."})
public final class TrainSegmenterCommand implements Callable<Integer>, UsesEngine {
    enum Target {
        nuclei, cells, both
    }

    static final class Source {
        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "A synthetic atlas folder (fields and truth/ID_nuclei.png, truth/ID_cells.png).")
        Path data;

        @Option(names = "--synth", required = true, paramLabel = "N",
                description = "Generate N synthetic fields in memory instead (hpa difficulty, seed from --seed).")
        Integer synth;
    }

    @Mixin
    CommonOptions common;

    @Mixin
    ChannelOptions channels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "256",
            description = "Side of the generated fields with --synth (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--out", required = true, paramLabel = "RUN", description = "The model folder.")
    Path out;

    @Option(names = "--target", paramLabel = "T", defaultValue = "both",
            description = "Which network(s) to train: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Target target;

    @Option(names = "--config", paramLabel = "FILE", description = "Training config (JSON); default: built in.")
    Path config;

    @Option(names = "--resume", description = "Continue the runs in --out from their last checkpoints.")
    boolean resume;

    @Option(names = "--export", paramLabel = "DIR", description = "Copy the trained model's inference files here.")
    Path export;

    @Override
    public Integer call() throws Exception {
        TrainConfig base = config == null ? SegmenterTraining.defaults() : ConfigFiles.read(config);
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--threads")) {
            base.engineThreads = common.threads();
        }
        if (parsed.hasMatchedOption("--seed")) {
            base.seed = common.seed();
        }
        List<SegmentationTarget> targets = switch (target) {
            case nuclei -> List.of(SegmentationTarget.NUCLEI);
            case cells -> List.of(SegmentationTarget.CELLS);
            case both -> List.of(SegmentationTarget.values());
        };
        SegmenterTraining.Data data;
        if (source.data != null) {
            HpaDataset ds = HpaDataset.open(source.data, HpaDataset.LabelPolicy.OPTIONAL, channels.order());
            if (!ds.problems().isEmpty()) {
                throw new IllegalArgumentException(source.data + ": " + ds.problems().size() + " incomplete field(s), e.g. "
                        + ds.problems().get(0));
            }
            data = t -> TruthSamples.of(ds, t);
        } else {
            if (source.synth < 1 || size < 32) {
                throw new IllegalArgumentException("--synth needs N >= 1 and --size >= 32");
            }
            SynthParams p = Difficulty.HPA.params(common.seed(), source.synth, size, 16);
            data = t -> TruthSamples.generate(p, t);
        }
        for (SegmentationTarget t : targets) {
            Path run = out.resolve(t.key());
            if (!resume && Files.isDirectory(run) && !isEmpty(run)) {
                throw new IllegalArgumentException(run + ": exists and is not empty (use --resume to continue it)");
            }
        }
        SegmenterTraining.train(data, out, targets, base, resume, common.progress());
        PrintWriter w = spec.commandLine().getOut();
        w.printf("trained %s into %s%n", target, out);
        if (export != null) {
            SegmenterTraining.export(out, export);
            w.printf("exported the model to %s%n", export);
        }
        w.flush();
        return ExitCodes.OK;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
