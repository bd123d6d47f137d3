package org.hpacell.spark.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.hpacell.spark.PredictJob;
import org.hpacell.spark.PredictSpec;

/**
 * Fields per second of {@code hpacell-spark predict} under several local masters, printed as a table:
 * {@code SparkThroughput WORK [FIELDS [SIZE [REPEATS [MASTER...]]]]} (defaults 24 fields of 256 px, 2
 * repeats, local[1] and local[2]). Models are trained once under {@code WORK} ({@link SyntheticModels}).
 * A warm-up run under the widest master loads one model instance per task slot first, so every
 * measured run sees the executor's steady state (models loaded, code compiled) and times only reading,
 * segmentation, both stages, scoring and the output tables. The one-minute load average is printed
 * beside each run: the figures only mean something on a machine not busy with other work.
 */
public final class SparkThroughput {
    private SparkThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int fields = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<String> masters = args.length > 4 ? List.of(args).subList(4, args.length) : List.of("local[1]", "local[2]");
        SyntheticModels m = new SyntheticModels(work, 16, fields, size, 64).make();
        PredictSpec spec = new PredictSpec(List.of(m.stage1().toString()), List.of(m.stage2().toString()), List.of(),
                "product", 20, false, null, 1);
        run(masters.get(masters.size() - 1), spec, m, work.resolve("warmup"));
        System.out.println("| master | fields | cells | seconds | fields/s | load (1 min) |");
        System.out.println("|---|---|---|---|---|---|");
        for (int r = 0; r < repeats; r++) {
            for (String master : masters) {
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                long t0 = System.nanoTime();
                PredictJob.Summary s = run(master, spec, m, work.resolve("out"));
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.2f | %.1f |%n", master, s.fields(), s.cells(),
                        sec, s.fields() / sec, load);
            }
        }
    }

    private static PredictJob.Summary run(String master, PredictSpec spec, SyntheticModels m, Path out)
            throws Exception {
        try (SparkSession spark = SparkSession.builder().master(master).appName("hpacell-spark-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate()) {
            return PredictJob.run(spark, spec, new PredictJob.Io(m.test().toString(), null, out.toString(), 0));
        }
    }
}
