package org.hpacell.spark;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hpacell-spark}: hpacell's prediction and CAM extraction as Spark applications, launched with
 * {@code spark-submit --class org.hpacell.spark.HpaCellSpark hpacell-spark.jar predict|cams ...}
 * (docs/ARCHITECTURE.md, "Scale out on Apache Spark"). Exit code 0 when every field succeeded, 1 when
 * some are in the errors table, 2 for a usage error, 4 when the job failed.
 */
@Command(name = "hpacell-spark", mixinStandardHelpOptions = true,
        subcommands = {SparkPredictCommand.class, SparkCamsCommand.class},
        description = "hpacell on Apache Spark: distributed prediction and CAM extraction.")
public final class HpaCellSpark implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Options every subcommand takes. */
    static final class Common {
        @Option(names = "--data", required = true, paramLabel = "URI",
                description = "Dataset folder in the Kaggle/HPA layout (any Hadoop file system URI or local path).")
        String data;

        @Option(names = "--ids", paramLabel = "CSV",
                description = "Only the IDs in the first column of this CSV (e.g. sample_submission.csv).")
        String ids;

        @Option(names = "--out", required = true, paramLabel = "URI", description = "Output folder.")
        String out;

        @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
                description = "Partitions of the field list (default: four per task slot).")
        int partitions;

        @Option(names = "--intra-op-threads", paramLabel = "N", defaultValue = "1",
                description = "PyTorch threads per executor JVM (default: ${DEFAULT-VALUE}; task slots x this should "
                        + "not exceed the executor's cores).")
        int intraOpThreads;

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master when not launched by spark-submit (e.g. local[2]).")
        String master;

        PredictJob.Io io() {
            return new PredictJob.Io(data, ids, out, partitions);
        }

        SparkSession session(String name) {
            SparkSession.Builder b = SparkSession.builder().appName(name);
            if (master != null) {
                b = b.master(master);
            }
            return b.getOrCreate();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a subcommand with the exit codes above. */
    static int execute(String... args) {
        CommandLine cl = new CommandLine(new HpaCellSpark());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("hpacell-spark: " + (e.getMessage() == null ? e : e.getMessage()));
            return 4;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** A subcommand: the common options; its body opens the Spark session and closes it when done. */
    abstract static class Job implements Callable<Integer> {
        @CommandLine.Mixin
        Common common;
    }
}
