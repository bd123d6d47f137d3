package org.hpacell.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.io.IOException;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.hpacell.io.SubmissionRow;

/**
 * {@code hpacell-spark predict} on the driver. Writes under {@code OUT}:
 * <pre>
 * OUT/submission.csv     the Kaggle submission: one row per predicted field, in ID order, one file
 * OUT/cells.parquet      one row per cell: ID and the columns of {@link PredictRows#CELL}
 * OUT/errors.parquet     ID, error: every field that could not be predicted
 * </pre>
 * A field that failed has no submission row (as with {@code hpacell predict}, whose run would stop short
 * of the submission instead); the others are all there.
 */
public final class PredictJob {
    /** What the job did. */
    public record Summary(long fields, long cells, long errors, Path submission) {
    }

    /**
     * Where the job reads and writes.
     *
     * @param data       the dataset folder (URI)
     * @param ids        a CSV of IDs to predict, or {@code null} for every field of {@code data}
     * @param out        the output folder (URI)
     * @param partitions the number of partitions, or 0 for four per task slot
     */
    public record Io(String data, String ids, String out, int partitions) {
        /**
         * The fields of {@code data}, only those of {@code ids} when given.
         *
         * @throws IOException naming the folder or CSV if it cannot be read
         */
        FieldListing.Listing listing(Configuration conf) throws IOException {
            return FieldListing.list(new Path(data), ids == null ? null : new Path(ids), conf);
        }
    }

    private PredictJob() {
    }

    public static Summary run(SparkSession spark, PredictSpec spec, Io io) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path out = new Path(io.out());
        FieldListing.Listing listing = io.listing(conf);
        int partitions = JobTables.partitions(io.partitions(), spark.sparkContext().defaultParallelism(),
                listing.fields().size());
        Dataset<Row> staged = JobTables.stage(spark, listing.fields(), partitions,
                new PredictTask(spec, new HadoopConf(conf)), PredictRows.RESULT, out);
        Dataset<Row> done = staged.where(col("error").isNull());

        done.select(col("ID"), explode(col("cells")).as("cell")).select(col("ID"), col("cell.*"))
                .write().mode(SaveMode.Overwrite).parquet(new Path(out, "cells.parquet").toString());
        long cells = spark.read().parquet(new Path(out, "cells.parquet").toString()).count();
        long errors = JobTables.writeErrors(spark, staged, listing.problems(), out);

        // Spark orders strings by their UTF-8 bytes, as String.compareTo orders the ASCII IDs of HPA.
        Dataset<Row> lines = done.select(col("ID"), col("line")).orderBy(col("ID"));
        long fields = lines.count();
        Iterator<Row> rows = lines.toLocalIterator();
        Path submission = new Path(out, "submission.csv");
        DataFiles.writeLines(submission, new Iterator<>() {
            private boolean header = true;

            @Override
            public boolean hasNext() {
                return header || rows.hasNext();
            }

            @Override
            public String next() {
                if (header) {
                    header = false;
                    return SubmissionRow.CSV_HEADER;
                }
                return rows.next().getString(1);
            }
        }, conf);
        JobTables.dropStaging(out, conf);
        return new Summary(fields, cells, errors, submission);
    }
}
