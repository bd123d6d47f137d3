package org.hpacell.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hpacell-spark predict}: segment -> stage 1 -> stage 2 -> submission, over a cluster. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict every cell of every field, as hpacell predict does, distributed: writes "
                + "OUT/submission.csv (ID order), OUT/cells.parquet (one row per cell: ID, cell_id, box, area, "
                + "mask, 19 confidences) and OUT/errors.parquet (fields that failed).",
                "Models: --model DIR (a pipeline output folder: DIR/stage1 for stage 1, DIR/stage2 as cell "
                        + "classifier) and/or explicit --stage1, --cell-model, --semseg runs."})
final class SparkPredictCommand extends HpaCellSpark.Job {
    @Option(names = "--model", arity = "1..*", paramLabel = "DIR",
            description = "Pipeline output folders (hpacell pipeline's OUT, hpacell demo's OUT/pipeline).")
    List<String> pipelines = new ArrayList<>();

    @Option(names = "--stage1", arity = "1..*", paramLabel = "RUN", description = "Stage-1 image classifier runs.")
    List<String> stage1 = new ArrayList<>();

    @Option(names = "--cell-model", arity = "1..*", paramLabel = "RUN", description = "Stage-2 cell classifier runs.")
    List<String> cellModels = new ArrayList<>();

    @Option(names = "--semseg", arity = "1..*", paramLabel = "RUN",
            description = "Stage-2 semantic segmenter runs (unet-ENCODER).")
    List<String> semsegs = new ArrayList<>();

    @Option(names = "--cells", paramLabel = "URI",
            description = "Cell label images of the fields (ID_cellmask.png, ID_cells.png or ID.png).")
    String cells;

    @Option(names = "--segmenter", paramLabel = "NAME", defaultValue = "classical",
            description = "Segmenter used when --cells is absent: classical (threshold + nucleus-seeded watershed; "
                    + "the only one; default: ${DEFAULT-VALUE}).")
    String segmenter;

    @Option(names = "--rule", paramLabel = "R", defaultValue = "product",
            description = "Combination of image probability and cell score: product, blend:W, cell or image "
                    + "(default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--padding", paramLabel = "PX", defaultValue = "20",
            description = "Padding of the cell crops (must match training; default: ${DEFAULT-VALUE}).")
    int padding;

    @Option(names = "--tta", description = "Stage-1 test-time augmentation (h/v flips x scales 1, 1.2, 1.4).")
    boolean tta;

    @Override
    public Integer call() throws Exception {
        List<String> s1 = new ArrayList<>();
        List<String> s2 = new ArrayList<>();
        for (String dir : pipelines) {
            s1.add(dir.replaceAll("/+$", "") + "/stage1");
            s2.add(dir.replaceAll("/+$", "") + "/stage2");
        }
        s1.addAll(stage1);
        s2.addAll(cellModels);
        if (!segmenter.equals("classical")) {
            throw new IllegalArgumentException("unknown segmenter '" + segmenter + "' (known: classical)");
        }
        PredictSpec spec = new PredictSpec(s1, s2, semsegs, rule, padding, tta, cells, common.intraOpThreads);
        try (SparkSession spark = common.session("hpacell predict")) {
            PredictJob.Summary s = PredictJob.run(spark, spec, common.io());
            System.out.printf("%d field(s) predicted (%d cells), %d failed; wrote %s%n", s.fields(), s.cells(),
                    s.errors(), s.submission());
            return s.errors() == 0 ? 0 : 1;
        }
    }
}
