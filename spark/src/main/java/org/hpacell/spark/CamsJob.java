package org.hpacell.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.hpacell.cam.CamJob;

/**
 * {@code hpacell-spark cams} on the driver. Writes under {@code OUT}, as {@code hpacell cams} does:
 * <pre>
 * OUT/maps/ID.npz              the class activation maps of each field ({@link org.hpacell.cam.CamMapsFile})
 * OUT/probabilities.csv        ID and the 19 image probabilities, one row per field in ID order
 * OUT/probabilities.parquet    the same as a table (ID, probabilities array of 19 floats)
 * OUT/errors.parquet           ID, error: every field without maps
 * </pre>
 */
public final class CamsJob {
    /** What the job did. */
    public record Summary(long fields, long errors) {
    }

    private CamsJob() {
    }

    public static Summary run(SparkSession spark, CamsSpec spec, PredictJob.Io io) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path out = new Path(io.out());
        FieldListing.Listing listing = io.listing(conf);
        int partitions = JobTables.partitions(io.partitions(), spark.sparkContext().defaultParallelism(),
                listing.fields().size());
        Path maps = new Path(out, "maps");
        maps.getFileSystem(conf).mkdirs(maps);
        Dataset<Row> staged = JobTables.stage(spark, listing.fields(), partitions,
                new CamsTask(spec, maps.toString(), new HadoopConf(conf)), CamsTask.RESULT, out);

        Dataset<Row> done = staged.where(col("error").isNull()).select(col("ID"), col("probabilities"))
                .orderBy(col("ID"));
        done.coalesce(1).write().mode(SaveMode.Overwrite).parquet(new Path(out, "probabilities.parquet").toString());
        long errors = JobTables.writeErrors(spark, staged, listing.problems(), out);

        // 19 floats per field: the table fits the driver even for the whole public atlas.
        Map<String, float[]> probabilities = new TreeMap<>();
        Iterator<Row> rows = spark.read().parquet(new Path(out, "probabilities.parquet").toString()).toLocalIterator();
        while (rows.hasNext()) {
            Row r = rows.next();
            probabilities.put(r.getString(0), floats(r.getList(1)));
        }
        java.nio.file.Path scratch = Files.createTempDirectory("hpacell-cams-");
        try {
            java.nio.file.Path csv = scratch.resolve("probabilities.csv");
            CamJob.writeProbabilities(csv, probabilities);
            DataFiles.publish(csv, new Path(out, "probabilities.csv"), conf);
        } finally {
            FieldReader.delete(scratch);
        }
        JobTables.dropStaging(out, conf);
        return new Summary(probabilities.size(), errors);
    }

    private static float[] floats(java.util.List<Float> list) {
        float[] a = new float[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
