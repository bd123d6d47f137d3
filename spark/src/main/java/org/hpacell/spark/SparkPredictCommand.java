package org.hpacell.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.hpacell.options.PredictOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell-spark predict}: segment -> stage 1 -> stage 2 -> submission, over a cluster. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict every cell of every field, as hpacell predict does, distributed: writes "
                + "OUT/submission.csv (ID order), OUT/cells.parquet (one row per cell: ID, cell_id, box, area, "
                + "mask, 19 confidences) and OUT/errors.parquet (fields that failed).",
                "Models: --pipeline DIR (a pipeline output folder: DIR/stage1 for stage 1, DIR/stage2 as cell "
                        + "classifier; --model is its old name) and/or explicit --stage1, --cell-model, --semseg "
                        + "runs."})
final class SparkPredictCommand extends HpaCellSpark.Job {
    @Mixin
    PredictOptions models;

    @Option(names = "--model", arity = "1..*", paramLabel = "DIR", hidden = true,
            description = "The old name of --pipeline.")
    List<String> oldPipelines = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        models.addPipelines(oldPipelines);
        models.segmenter();
        PredictSpec spec = new PredictSpec(models.stage1Runs(), models.cellModelRuns(), models.semsegRuns(),
                models.rule(), models.padding(), models.tta(), models.cells().orElse(null), common.intraOpThreads);
        try (SparkSession spark = common.session("hpacell predict")) {
            PredictJob.Summary s = PredictJob.run(spark, spec, common.io());
            System.out.printf("%d field(s) predicted (%d cells), %d failed; wrote %s%n", s.fields(), s.cells(),
                    s.errors(), s.submission());
            return s.errors() == 0 ? 0 : 1;
        }
    }
}
