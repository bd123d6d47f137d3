package org.hpacell.spark;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hpacell-spark cams}: class activation maps of every field, over a cluster. */
@Command(name = "cams", mixinStandardHelpOptions = true,
        description = "Class activation maps of every field, as hpacell cams does, distributed: OUT/maps/ID.npz, "
                + "OUT/probabilities.csv and .parquet, OUT/errors.parquet.")
final class SparkCamsCommand extends HpaCellSpark.Job {
    @Option(names = "--model", required = true, arity = "1..*", paramLabel = "RUN",
            description = "Stage-1 runs (their maps are averaged).")
    List<String> runs;

    @Option(names = "--tta", description = "Test-time augmentation (h/v flips x scales 1, 1.2, 1.4).")
    boolean tta;

    @Override
    public Integer call() throws Exception {
        CamsSpec spec = new CamsSpec(runs, tta, common.intraOpThreads);
        try (SparkSession spark = common.session("hpacell cams")) {
            CamsJob.Summary s = CamsJob.run(spark, spec, common.io());
            System.out.printf("%d field(s) mapped, %d failed; wrote %s%n", s.fields(), s.errors(), common.out);
            return s.errors() == 0 ? 0 : 1;
        }
    }
}
