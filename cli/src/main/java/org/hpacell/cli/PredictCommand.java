package org.hpacell.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.HpaDataset;
import org.hpacell.predict.CellImageFolder;
import org.hpacell.predict.CombinationRule;
import org.hpacell.predict.FieldModels;
import org.hpacell.predict.PipelineModels;
import org.hpacell.predict.PredictionPipeline;
import org.hpacell.progress.Progress;
import org.hpacell.segment.ClassicalSegmenter;
import org.hpacell.stage2.CellCropper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell predict}: cells -> stage 1 -> stage 2 -> Kaggle submission, resumable. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict every cell of every field of a dataset: cells (--cells or --segmenter), stage-1 image probabilities (mean of the "
                + "--stage1 runs), stage-2 cell scores (mean of the --cell-model and --semseg runs and, with --cam, the stage-1 maps), combined by "
                + "--rule, written as a Kaggle submission with all 19 classes for every cell.",
                "Resumable: finished fields are kept in OUT.parts/ and skipped by the next run; the submission is "
                        + "written once every field is done.",
                "Exit code 1 (partial) if a field failed (rerun to retry it)."})
public final class PredictCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset folder (Kaggle/HPA layout).")
    Path data;

    @Option(names = "--cells", paramLabel = "DIR",
            description = "Cell label images of the fields (ID_cellmask.png, ID_cells.png or ID.png); without it "
                    + "the fields are segmented by --segmenter.")
    Path cells;

    @Option(names = "--segmenter", paramLabel = "NAME", defaultValue = "classical",
            description = "Segmenter used when --cells is absent: classical (threshold + nucleus-seeded watershed; "
                    + "default: ${DEFAULT-VALUE}).")
    String segmenter;

    @Option(names = "--stage1", required = true, arity = "1..*", paramLabel = "RUN",
            description = "Stage-1 image classifier runs (an ensemble when several).")
    List<Path> stage1;

    @Option(names = "--cell-model", arity = "1..*", paramLabel = "RUN",
            description = "Stage-2 cell classifier runs (five-level, cellwise or oracle).")
    List<Path> cellModels = new ArrayList<>();

    @Option(names = "--semseg", arity = "1..*", paramLabel = "RUN",
            description = "Stage-2 semantic segmentation runs (unet-ENCODER).")
    List<Path> segmenters = new ArrayList<>();

    @Option(names = "--cam", description = "Add the stage-1 runs' class activation maps (mean in the cell) as a "
            + "stage-2 member; with --cell-model this is the pipeline's default submission.")
    boolean cam;

    @Option(names = "--rule", paramLabel = "R", defaultValue = "product",
            description = "Combination of image probability p and cell score c: product, blend:W (W p + (1-W) c), "
                    + "cell or image (default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--padding", paramLabel = "PX", defaultValue = "20",
            description = "Padding of the cell crops (must match training; default: ${DEFAULT-VALUE}).")
    int padding;

    @Option(names = "--tta", description = "Stage-1 test-time augmentation (h/v flips x scales 1, 1.2, 1.4).")
    boolean tta;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The submission CSV.")
    Path out;

    private FieldModels.CellSource cellSource() {
        if (cells != null) {
            return new CellImageFolder(cells);
        }
        if (!segmenter.equals("classical")) {
            throw new IllegalArgumentException("unknown segmenter '" + segmenter + "' (known: classical)");
        }
        ClassicalSegmenter classical = new ClassicalSegmenter();
        return field -> classical.segment(field).cells();
    }

    @Override
    public Integer call() throws Exception {
        CombinationRule combination = CombinationRule.parse(rule);
        HpaDataset dataset = HpaDataset.open(data);
        PredictionPipeline.Result r;
        try (PipelineModels models = new PipelineModels()) {
            List<FieldModels.ImageModel> images = new ArrayList<>();
            for (Path run : stage1) {
                images.add(models.imageModel(run, tta));
            }
            List<FieldModels.CellModel> stage2 = new ArrayList<>();
            for (Path run : cellModels) {
                stage2.add(models.cellClassifier(run, new CellCropper(padding)));
            }
            for (Path run : segmenters) {
                stage2.add(models.segmenter(run));
            }
            if (cam) {
                for (Path run : stage1) {
                    stage2.add(models.camScores(run, tta));
                }
            }
            PredictionPipeline pipeline = new PredictionPipeline(cellSource(), images, stage2, combination,
                    common.threads());
            try (Progress p = common.progress().start("predict", dataset.size())) {
                r = pipeline.run(dataset, out, p);
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%d field(s) predicted, %d resumed, %d failed%s%n", r.predicted(), r.resumed(), r.failures().size(),
                r.complete() ? "; wrote " + out : "; submission not written (rerun to retry the failed fields)");
        for (FieldFailure f : r.failures()) {
            w.println("  failed " + f);
        }
        w.flush();
        return r.complete() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
