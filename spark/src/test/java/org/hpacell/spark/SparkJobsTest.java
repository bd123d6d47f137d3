package org.hpacell.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hpacell.cam.CamJob;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamMapsFile;
import org.hpacell.cam.CamModel;
import org.hpacell.cam.TtaPlan;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.predict.CombinationRule;
import org.hpacell.predict.FieldModels;
import org.hpacell.predict.PipelineModels;
import org.hpacell.predict.PredictionPipeline;
import org.hpacell.progress.Progress;
import org.hpacell.spark.bench.SyntheticModels;
import org.hpacell.stage2.CellCropper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark jobs in {@code local[2]} against the single-JVM code on the same data and trained models:
 * the same submission (rows, masks, confidences to 1e-6), also with data and models on a non-local file
 * system, the same CAM files, identical rows from a retried task, and a field made unreadable reported in
 * the errors table while the others complete.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkJobsTest {
    @TempDir
    static Path dir;

    static SyntheticModels models;
    static SparkSession spark;

    @BeforeAll
    static void setUp() throws IOException {
        models = new SyntheticModels(dir.resolve("tiny"), 8, 5, 96, 32).make();
        spark = session();
    }

    private static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("hpacell-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static PredictSpec spec(String cells) {
        return new PredictSpec(List.of(models.stage1().toString()), List.of(models.stage2().toString()), List.of(),
                "product", 20, false, cells, 1);
    }

    private static List<SubmissionRow> single;

    /** The prediction of every test field in one JVM: the pipeline behind hpacell predict, classical cells. */
    private static synchronized List<SubmissionRow> singleJvm() throws Exception {
        if (single == null) {
            single = singleJvm(models.test());
        }
        return single;
    }

    private static List<SubmissionRow> singleJvm(Path data) throws Exception {
        Path submission = dir.resolve("single").resolve("submission.csv");
        try (PipelineModels m = new PipelineModels()) {
            FieldModels.ImageModel stage1 = m.imageModel(models.stage1(), false);
            FieldModels.CellModel stage2 = m.cellClassifier(models.stage2(), new CellCropper(20));
            PredictionPipeline.Result r = new PredictionPipeline(CellSources.classical(), List.of(stage1),
                    List.of(stage2), CombinationRule.parse("product"), 2).run(HpaDataset.open(data), submission,
                    "single jvm", Progress.NONE);
            assertTrue(r.complete(), () -> r.failures().toString());
        }
        return SubmissionReader.readAll(submission);
    }

    private static void assertSameRows(List<SubmissionRow> expected, List<SubmissionRow> actual) {
        assertEquals(expected.stream().map(SubmissionRow::id).toList(), actual.stream().map(SubmissionRow::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            SubmissionRow e = expected.get(i);
            SubmissionRow a = actual.get(i);
            assertEquals(e.width(), a.width());
            assertEquals(e.height(), a.height());
            assertEquals(e.predictions().size(), a.predictions().size(), e.id());
            for (int k = 0; k < e.predictions().size(); k++) {
                Prediction pe = e.predictions().get(k);
                Prediction pa = a.predictions().get(k);
                assertEquals(pe.classIndex(), pa.classIndex());
                assertEquals(pe.encodedMask(), pa.encodedMask());
                assertEquals(pe.confidence(), pa.confidence(), 1e-6, e.id() + " prediction " + k);
            }
        }
    }

    @Test
    void predictEqualsTheSingleJvmPipeline() throws Exception {
        List<SubmissionRow> expected = singleJvm();
        Path out = dir.resolve("spark-predict");
        PredictJob.Summary s = PredictJob.run(spark, spec(null), new PredictJob.Io(models.test().toString(), null,
                out.toString(), 3));
        List<SubmissionRow> actual = SubmissionReader.readAll(out.resolve("submission.csv"));
        assertSameRows(expected, actual);
        assertEquals(expected.size(), s.fields());
        assertEquals(0, s.errors());

        long predictions = expected.stream().mapToLong(r -> r.predictions().size()).sum();
        assertTrue(predictions > 0, "the fields have cells");
        List<Row> cells = spark.read().parquet(out.resolve("cells.parquet").toString()).orderBy("ID", "cell_id")
                .collectAsList();
        assertEquals(predictions / 19, cells.size(), "one table row per cell");
        Row first = cells.get(0);
        Prediction p = expected.get(0).predictions().get(3);
        assertEquals(expected.get(0).id(), first.getString(first.fieldIndex("ID")));
        assertEquals(p.encodedMask(), first.getString(first.fieldIndex("mask")));
        assertEquals(p.confidence(), first.<Float>getList(first.fieldIndex("confidences")).get(3), 1e-6);
        assertTrue(first.getInt(first.fieldIndex("area")) <= first.getInt(first.fieldIndex("box_width"))
                * first.getInt(first.fieldIndex("box_height")));
        assertEquals(0, spark.read().parquet(out.resolve(JobTables.ERRORS).toString()).count());
        assertTrue(Files.notExists(out.resolve(JobTables.STAGING)), "staging removed");
    }

    /** Data and models behind a non-local file system: read through scratch copies, the same rows. */
    @Test
    void aNonLocalFileSystemIsReadThroughScratchCopies() throws Exception {
        spark.sparkContext().hadoopConfiguration().set("fs." + NonLocalFileSystem.SCHEME + ".impl",
                NonLocalFileSystem.class.getName());
        assertNull(DataFiles.localFile(new org.apache.hadoop.fs.Path(NonLocalFileSystem.uri(models.test())),
                spark.sparkContext().hadoopConfiguration()), "the jobs take it for a remote file system");
        PredictSpec remote = new PredictSpec(List.of(NonLocalFileSystem.uri(models.stage1())),
                List.of(NonLocalFileSystem.uri(models.stage2())), List.of(), "product", 20, false, null, 1);
        Path out = dir.resolve("spark-nonlocal");
        PredictJob.Summary s = PredictJob.run(spark, remote, new PredictJob.Io(NonLocalFileSystem.uri(models.test()),
                null, NonLocalFileSystem.uri(out), 2));
        assertEquals(0, s.errors());
        assertSameRows(singleJvm(), SubmissionReader.readAll(out.resolve("submission.csv")));
    }

    /**
     * What a retried task computes: the same rows, byte for byte, also while another task runs the same
     * fields at once on its own model instance (no shared random generator or state between tasks).
     */
    @Test
    void aRetriedTaskYieldsTheSameRowsEvenBesideAConcurrentOne() throws Exception {
        List<Row> fields = FieldListing.list(new org.apache.hadoop.fs.Path(models.test().toUri()), null,
                new Configuration()).fields();
        PredictTask task = new PredictTask(spec(null), new HadoopConf(new Configuration()));
        List<String> first = lines(task, fields);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> a = pool.submit(() -> lines(task, fields));
            Future<List<String>> b = pool.submit(() -> lines(task, fields));
            assertEquals(first, a.get());
            assertEquals(first, b.get());
        } finally {
            pool.shutdownNow();
        }
        Path file = dir.resolve("task-rows.csv");
        List<String> csv = new ArrayList<>(List.of(SubmissionRow.CSV_HEADER));
        csv.addAll(first);
        Files.write(file, csv);
        assertSameRows(singleJvm(), SubmissionReader.readAll(file));
    }

    private static List<String> lines(PredictTask task, List<Row> fields) throws IOException {
        List<String> out = new ArrayList<>();
        task.call(fields.iterator()).forEachRemaining(r -> out.add(r.getString(PredictRows.RESULT.fieldIndex("line"))));
        return out;
    }

    /** Through the command line (--model on the pipeline folder); last, as the command stops the session. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anUnreadableFieldIsReportedAndTheOthersComplete() throws Exception {
        Path data = dir.resolve("damaged");
        Files.createDirectories(data);
        try (Stream<Path> files = Files.list(models.test())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        List<String> ids = HpaDataset.open(data).ids();
        String bad = ids.get(1);
        Path green = data.resolve(bad + "_green.png");
        Files.writeString(green, "this is not a PNG");
        List<SubmissionRow> expected = new ArrayList<>(singleJvm());
        expected.removeIf(r -> r.id().equals(bad));

        Path out = dir.resolve("spark-damaged");
        int code = HpaCellSpark.execute("predict", "--master", "local[2]", "--data", data.toString(), "--model",
                models.pipeline().toString(), "--out", out.toString(), "--partitions", "2");
        assertEquals(1, code, "exit code 1: some fields failed");
        spark = session(); // the command stopped the shared one

        List<Row> errors = spark.read().parquet(out.resolve(JobTables.ERRORS).toString()).collectAsList();
        assertEquals(1, errors.size());
        assertEquals(bad, errors.get(0).getString(0));
        assertTrue(errors.get(0).getString(1).contains(green.getFileName().toString()), errors.get(0).getString(1));
        assertSameRows(expected, SubmissionReader.readAll(out.resolve("submission.csv")));
    }

    @Test
    void camsEqualTheSingleJvmJob() throws Exception {
        Path single = dir.resolve("single-cams");
        try (CamModel m = CamModel.load(models.stage1(), PipelineModels.NETWORKS)) {
            HpaDataset data = HpaDataset.open(models.test());
            CamJob.run(List.of(m), data, data.ids(), single, new CamJob.Options(TtaPlan.none(), 2, false, -1, null,
                    null, CellScorer.defaults()), Progress.Factory.NONE);
        }
        Path out = dir.resolve("spark-cams");
        CamsJob.Summary s = CamsJob.run(spark, new CamsSpec(List.of(models.stage1().toString()), false, 1),
                new PredictJob.Io(models.test().toString(), null, out.toString(), 2));
        assertEquals(0, s.errors());
        assertEquals(Files.readString(single.resolve("probabilities.csv")), Files.readString(out.resolve(
                "probabilities.csv")));
        for (String id : HpaDataset.open(models.test()).ids()) {
            CamMaps a = CamMapsFile.read(CamMapsFile.of(single.resolve("maps"), id));
            CamMaps b = CamMapsFile.read(CamMapsFile.of(out.resolve("maps"), id));
            assertArrayEquals(a.array(), b.array(), 1e-6f, id);
        }
    }
}
