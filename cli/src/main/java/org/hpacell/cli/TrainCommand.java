package org.hpacell.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hpacell.cam.sccam.ScCamTraining;
import org.hpacell.identity.OutputLock;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.HpaDataset;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.HpaSamples;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell train}: train an image-level classifier with the training engine. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an image-level classifier on a dataset in the HPA layout (train.csv required).",
                "The run folder receives config.json, provenance.json, data.json, metrics.csv, metrics.png and "
                        + "checkpoints/{last,best}.ckpt. --resume continues a killed run from its last checkpoint "
                        + "on the same data; a folder holding a run needs --resume or --overwrite.",
                "--threads sets the engine's intra-op threads and --seed the seed when given (overriding the config).",
                "Objective sccam trains SC-CAM's rounds into RUN/round0 .. RUN/roundR; the last is the model."})
public final class TrainCommand implements Callable<Integer>, UsesEngine {
    @Mixin
    CommonOptions common;

    @Mixin
    ChannelOptions channels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Training config (JSON). Optional with --resume.")
    Path config;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Training fields with train.csv.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "RUN", description = "The run folder.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint (on the same "
            + "--data only).")
    boolean resume;

    @Option(names = "--overwrite", description = "Replace the run in --out, if there is one.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        try (OutputLock lock = OutputLock.folder(out)) {
            AtomicFiles.removeLeftovers(out); // of an earlier run killed mid-write
            return train();
        }
    }

    private int train() throws Exception {
        RunDirectory run = new RunDirectory(out);
        TrainConfig c = resolveConfig(run);
        TrainRunFolder.prepare(out, data, resume, overwrite).ifPresent(System.err::println);
        HpaDataset ds = HpaDataset.open(data, HpaDataset.LabelPolicy.REQUIRED, channels.order());
        List<FieldFailure> problems = ds.problems();
        if (ScCamTraining.NAME.equals(c.objective.name)) {
            Path last = ScCamTraining.run(c, out, ClassifierFactory.REGISTRY, HpaSamples.of(ds), common.progress(), resume);
            spec.commandLine().getOut().printf("SC-CAM rounds trained; the final model is %s%n", last);
            spec.commandLine().getOut().flush();
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
        }
        TrainingLoop.Result r = TrainingLoop.fromConfig(c, run, ClassifierFactory.REGISTRY, common.progress())
                .run(HpaSamples.of(ds), resume);
        PrintWriter w = spec.commandLine().getOut();
        if (!r.metrics().isEmpty()) {
            var last = r.metrics().get(r.metrics().size() - 1);
            w.printf(Locale.ROOT, "trained %s for %d epoch(s): last train loss %.4f, val loss %.4f, val macro AP %.4f%n",
                    c.model, last.epoch(), last.trainLoss(), last.valLoss(), last.valMacroAp());
        }
        w.printf(Locale.ROOT, "best val macro AP %.4f at epoch %d; run folder %s%n", r.bestMacroAp(), r.bestEpoch(), out);
        int bad = problems.size() + r.badFields().size();
        if (bad > 0) {
            w.println(bad + " field(s) skipped:");
            problems.forEach(p -> w.println("  " + p));
            r.badFields().forEach(p -> w.println("  " + p));
        }
        w.flush();
        return bad == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private TrainConfig resolveConfig(RunDirectory run) throws java.io.IOException {
        TrainConfig c;
        if (resume && Files.isRegularFile(run.config())) {
            if (config != null && !common.quiet()) {
                System.err.println("hpacell: resuming with the run's saved " + run.config() + " (not " + config + ")");
            }
            c = ConfigFiles.read(run.config());
        } else if (config != null) {
            c = ConfigFiles.read(config);
        } else {
            throw new IllegalArgumentException("--config FILE is required (there is no " + run.config() + " to resume)");
        }
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--threads")) {
            c.engineThreads = common.threads();
        }
        if (parsed.hasMatchedOption("--seed") && !resume) {
            c.seed = common.seed();
        }
        return c;
    }
}
