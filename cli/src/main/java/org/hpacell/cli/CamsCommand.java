package org.hpacell.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hpacell.cam.CamJob;
import org.hpacell.cam.CamModel;
import org.hpacell.cam.TtaPlan;
import org.hpacell.cam.cell.CellPooling;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.predict.CombinationRule;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.HpaDataset;
import org.hpacell.nn.Architectures;
import org.hpacell.train.EngineThreads;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell cams}: class activation maps of trained image classifiers for every field of a dataset. */
@Command(name = "cams", mixinStandardHelpOptions = true,
        description = {"Write the class activation maps of every field: OUT/maps/ID.npz (maps: float32 "
                + "(19, H, W), each class normalised to [0, 1]; probabilities: (19,)) and OUT/probabilities.csv.",
                "Several --model runs are averaged (an ensemble). With --cells, every cell of every field is "
                        + "scored from the maps into a Kaggle submission.",
                "Exit code 1 (partial) if some fields failed (listed at the end)."})
public final class CamsCommand implements Callable<Integer>, UsesEngine {
    @Mixin
    CommonOptions common;

    @Mixin
    ChannelOptions channels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN", arity = "1..*",
            description = "Training run folder(s) (config.json + checkpoints); several are averaged.")
    List<Path> models;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset folder (Kaggle/HPA layout).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--tta", description = "Test-time augmentation: h/v flips x scales 1, 1.2, 1.4 (12 passes).")
    boolean tta;

    @Option(names = "--preview", description = "Also write OUT/previews/ID.png: a class map over the green channel.")
    boolean preview;

    @Option(names = "--preview-class", paramLabel = "K", defaultValue = "-1",
            description = "Class shown in previews (default: each field's most probable class).")
    int previewClass;

    @Option(names = "--cells", paramLabel = "DIR", description = "Cell label images ID.png: score every cell.")
    Path cells;

    @Option(names = "--submission", paramLabel = "FILE",
            description = "Submission written with --cells (default: OUT/submission.csv).")
    Path submission;

    @Option(names = "--pooling", paramLabel = "P", defaultValue = "mean",
            description = "Map value of a cell: mean, max or top:F (mean of the top fraction F). Default: ${DEFAULT-VALUE}.")
    String pooling;

    @Option(names = "--combine", paramLabel = "C", defaultValue = "product",
            description = "Cell score: product (map x image probability), map, image or blend:W "
                    + "(W x image + (1 - W) x map). Default: ${DEFAULT-VALUE}.")
    String combine;

    @Override
    public Integer call() throws Exception {
        if (previewClass < -1 || previewClass >= 19) {
            throw new IllegalArgumentException("--preview-class must be 0..18, got " + previewClass);
        }
        CellScorer scorer = new CellScorer(CellPooling.parse(pooling), CombinationRule.parse(combine));
        HpaDataset ds = HpaDataset.open(data, HpaDataset.LabelPolicy.OPTIONAL, channels.order());
        int workers = common.threads();
        EngineThreads.set(Math.max(1, Runtime.getRuntime().availableProcessors() / workers));
        List<CamModel> loaded = new ArrayList<>();
        try {
            for (Path run : models) {
                loaded.add(CamModel.load(run, Architectures::create));
            }
            CamJob.Options options = new CamJob.Options(tta ? TtaPlan.standard() : TtaPlan.none(), workers, preview,
                    previewClass, cells, submission != null ? submission : out.resolve("submission.csv"), scorer);
            CamJob.Result result = CamJob.run(loaded, ds, ds.ids(), out, options, common.progress());
            PrintWriter w = spec.commandLine().getOut();
            w.printf("%s: maps of %d field(s) written%s%n", out, result.written(),
                    cells == null ? "" : ", cells scored into " + options.submission());
            List<FieldFailure> problems = new ArrayList<>(ds.problems());
            problems.addAll(result.failures());
            for (FieldFailure f : problems) {
                w.println("  failed: " + f);
            }
            w.flush();
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
        } finally {
            loaded.forEach(CamModel::close);
        }
    }
}
