package org.hpacell.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hpacell.io.FieldFailure;

/**
 * The plumbing both Spark jobs share on the driver: fields cut into partitions, the per-field results
 * computed once and committed to a staging table (Spark's commit protocol keeps exactly one output per
 * task, however often a task is retried, and later steps read the table instead of recomputing), the
 * errors table, and the staging table's removal.
 *
 * <p>The errors table {@code OUT/errors.parquet} has columns {@code ID} and {@code error} (a message
 * naming the file and the problem), sorted by ID: fields that failed on an executor and fields the
 * listing found incomplete.
 */
final class JobTables {
    /**
     * The staging table under the output. Not {@code _staging}: Spark's file index skips paths whose names
     * start with {@code _} or {@code .}, and warns that it did.
     */
    static final String STAGING = "staging.parquet";
    /** The errors table under the output. */
    static final String ERRORS = "errors.parquet";

    private static final StructType ERROR = new StructType()
            .add("ID", DataTypes.StringType, false)
            .add("error", DataTypes.StringType, false);

    private JobTables() {
    }

    /** {@code schema} with a nullable {@code error} column last. */
    static StructType withError(StructType schema) {
        return schema.add("error", DataTypes.StringType, true);
    }

    /** Default partitions: four per task slot (for balance), no more than fields, at least one. */
    static int partitions(int requested, int slots, int fields) {
        if (requested > 0) {
            return requested;
        }
        return Math.max(1, Math.min(fields, 4 * slots));
    }

    /**
     * Computes the results of {@code fields} ({@link FieldListing} rows) in {@code partitions} partitions
     * and commits them to the staging table; returns the table as read back.
     */
    static Dataset<Row> stage(SparkSession spark, List<Row> fields, int partitions,
                              MapPartitionsFunction<Row, Row> perField, StructType result, Path out) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // parallelize() cuts the list into fixed slices: a retried task sees exactly the same fields.
        Dataset<Row> listed = spark.createDataFrame(jsc.parallelize(fields, partitions), FieldListing.SCHEMA);
        String staging = new Path(out, STAGING).toString();
        listed.mapPartitions(perField, Encoders.row(result)).write().mode(SaveMode.Overwrite).parquet(staging);
        return spark.read().parquet(staging);
    }

    /** Writes the errors table from the staged results and the listing's problems; returns their number. */
    static long writeErrors(SparkSession spark, Dataset<Row> staged, List<FieldFailure> problems, Path out) {
        List<Row> listed = new ArrayList<>();
        for (FieldFailure f : problems) {
            listed.add(RowFactory.create(f.fieldId(), f.message()));
        }
        Dataset<Row> errors = staged.where(col("error").isNotNull()).select(col("ID"), col("error"))
                .union(spark.createDataFrame(listed, ERROR))
                .orderBy(col("ID"), col("error"))
                .coalesce(1);
        errors.write().mode(SaveMode.Overwrite).parquet(new Path(out, ERRORS).toString());
        return spark.read().parquet(new Path(out, ERRORS).toString()).count();
    }

    /** Removes the staging table. */
    static void dropStaging(Path out, Configuration conf) throws IOException {
        Path staging = new Path(out, STAGING);
        staging.getFileSystem(conf).delete(staging, true);
    }
}
