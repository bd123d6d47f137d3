package org.hpacell.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpacell.atlas.LabelSet;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.HpaWriter;
import org.hpacell.io.ImageFormat;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's streaming, combination, per-field errors and resume, with models given as functions. */
class PredictionPipelineTest {
    @TempDir
    Path dir;

    /** Two cells: the left half (id 1) and the right half (id 2) of an 8x4 field. */
    private static LabelImage halves(FieldImage f) {
        int[] ids = new int[f.width() * f.height()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % f.width() < f.width() / 2 ? 1 : 2;
        }
        return new LabelImage(f.width(), f.height(), ids);
    }

    private static float[] vec(int k, float v) {
        float[] a = new float[19];
        a[k] = v;
        return a;
    }

    private HpaDataset dataset() throws IOException {
        try (HpaWriter w = HpaWriter.create(dir.resolve("data"), ImageFormat.PNG, 8)) {
            for (String id : List.of("f0", "f1", "f2")) {
                w.write(new FieldImage(id, 8, 4, 8, new float[Channel.COUNT][32]), LabelSet.of(3));
            }
        }
        return HpaDataset.open(dir.resolve("data"));
    }

    private static FieldModels.CellModel constant(float left, float right) {
        return (f, cells) -> List.of(new CellScores(1, vec(3, left)), new CellScores(2, vec(3, right)));
    }

    private static PredictionPipeline pipeline(FieldModels.CellModel... stage2) {
        return new PredictionPipeline(PredictionPipelineTest::halves, List.of(f -> vec(3, 0.5f)), List.of(stage2),
                CombinationRule.DEFAULT, 2);
    }

    @Test
    void aFailedFieldIsReportedAndTheNextRunDoesOnlyIt() throws Exception {
        HpaDataset data = dataset();
        Path submission = dir.resolve("out/submission.csv");
        AtomicInteger calls = new AtomicInteger();
        boolean[] broken = {true}; // a transient failure of the same model, e.g. out of memory on f1
        FieldModels.CellModel flaky = (f, cells) -> {
            calls.incrementAndGet();
            if (broken[0] && f.id().equals("f1")) {
                throw new IOException("model crashed on f1");
            }
            return constant(0.8f, 0.2f).score(f, cells);
        };
        PredictionPipeline.Result first = pipeline(flaky).run(data, submission, "model A", Progress.NONE);
        assertFalse(first.complete());
        assertEquals(2, first.predicted());
        assertEquals("f1", first.failures().get(0).fieldId());
        assertTrue(first.failures().get(0).message().contains("model crashed"));
        assertFalse(Files.exists(submission), "no submission while a field is missing");
        assertEquals(3, calls.get());

        broken[0] = false;
        PredictionPipeline.Result second = pipeline(flaky).run(data, submission, "model A", Progress.NONE);
        assertTrue(second.complete());
        assertEquals(1, second.predicted());
        assertEquals(2, second.resumed());
        assertEquals(4, calls.get(), "only the failed field ran again");
        assertFalse(Files.exists(PredictionPipeline.partsFolder(submission)));

        List<SubmissionRow> rows = SubmissionReader.readAll(submission);
        assertEquals(List.of("f0", "f1", "f2"), rows.stream().map(SubmissionRow::id).toList());
        assertEquals(0.4, confidence(rows.get(1), 3, 0), 1e-6);
        assertEquals(2 * 19, rows.get(1).predictions().size(), "all classes for both cells");
    }

    @Test
    void aFieldWithBadFilesIsLeftOutAndDoesNotHoldBackTheSubmission() throws Exception {
        HpaDataset data = dataset();
        Path green = data.channelPath("f1", Channel.GREEN);
        Files.writeString(green, "not a png");
        Path submission = dir.resolve("out/submission.csv");
        PredictionPipeline.Result r = pipeline(constant(0.8f, 0.2f)).run(data, submission, "model A", Progress.NONE);
        assertTrue(r.complete(), "written without the bad field");
        assertEquals("f1", r.failures().get(0).fieldId());
        assertTrue(r.failures().get(0).message().startsWith(green + ": "), r.failures().get(0).message());
        assertEquals(List.of("f0", "f2"), SubmissionReader.readAll(submission).stream().map(SubmissionRow::id).toList());
        assertTrue(Files.isDirectory(PredictionPipeline.partsFolder(submission)), "parts kept for when f1 is fixed");
    }

    @Test
    void aRerunRemovesTheTemporaryFilesOfItsKilledPredecessor() throws Exception {
        HpaDataset data = dataset();
        Path submission = dir.resolve("out/submission.csv");
        stopAtF1(data, submission);
        Path parts = PredictionPipeline.partsFolder(submission);
        Path part = Files.createTempFile(parts, ".f1.csv", ".tmp");
        Path joined = Files.createTempFile(submission.getParent(), ".submission.csv", ".tmp");
        Path someoneElses = Files.createTempFile(submission.getParent(), ".other.csv", ".tmp");
        assertTrue(pipeline(constant(0.8f, 0.2f)).run(data, submission, "model A", Progress.NONE).complete());
        assertFalse(Files.exists(part) || Files.exists(joined), "leftovers of this submission are removed");
        assertTrue(Files.exists(someoneElses), "another file's temporary file is not ours to remove");
    }

    @Test
    void partsOfAnotherModelAreNeverReused() throws Exception {
        HpaDataset data = dataset();
        Path submission = dir.resolve("out/submission.csv");
        stopAtF1(data, submission);
        assertEquals(3, filesIn(PredictionPipeline.partsFolder(submission)), "two parts and the stamp");

        PredictionPipeline.Result b = pipeline(constant(0.4f, 0f)).run(data, submission, "model B", Progress.NONE);
        assertTrue(b.complete());
        assertEquals(0, b.resumed());
        assertEquals(3, b.predicted());
        for (SubmissionRow row : SubmissionReader.readAll(submission)) {
            assertEquals(0.2, confidence(row, 3, 0), 1e-6, "model B's 0.5 x 0.4 in " + row.id());
        }
    }

    @Test
    void aPartIsRedoneWhenItsFieldsFilesChange() throws Exception {
        HpaDataset data = dataset();
        Path submission = dir.resolve("out/submission.csv");
        stopAtF1(data, submission);
        // f0 is replaced by other pixels (a new file of another size) before the rerun
        Path other = dir.resolve("other");
        try (HpaWriter w = HpaWriter.create(other, ImageFormat.PNG, 8)) {
            FieldImage bright = new FieldImage("f0", 8, 4, 8, new float[Channel.COUNT][32]);
            java.util.Arrays.fill(bright.channel(Channel.GREEN), 0.7f);
            w.write(bright, LabelSet.of(3));
        }
        Path green = data.channelPath("f0", Channel.GREEN);
        Files.copy(HpaDataset.open(other).channelPath("f0", Channel.GREEN), green,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PredictionPipeline.Result r = pipeline(constant(0.8f, 0.2f)).run(HpaDataset.open(dir.resolve("data")),
                submission, "model A", Progress.NONE);
        assertTrue(r.complete());
        assertEquals(1, r.resumed(), "f2 only");
        assertEquals(2, r.predicted(), "f0 (changed) and f1 (failed)");
    }

    /** Model A predicts f0 and f2, then the run stops (f1 fails), leaving their parts as a killed run would. */
    private static void stopAtF1(HpaDataset data, Path submission) throws Exception {
        FieldModels.CellModel a = (f, cells) -> {
            if (f.id().equals("f1")) {
                throw new IOException("killed");
            }
            return constant(0.8f, 0.2f).score(f, cells);
        };
        assertFalse(pipeline(a).run(data, submission, "model A", Progress.NONE).complete());
    }

    private static long filesIn(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    void withoutStageTwoEveryCellGetsTheImageProbabilities() throws Exception {
        Path submission = dir.resolve("broadcast.csv");
        PredictionPipeline.Result r = new PredictionPipeline(PredictionPipelineTest::halves,
                List.of(f -> vec(3, 0.6f), f -> vec(3, 0.2f)), List.of(), CombinationRule.DEFAULT, 1)
                .run(dataset(), submission, "broadcast", Progress.NONE);
        assertTrue(r.complete());
        SubmissionRow row = SubmissionReader.readAll(submission).get(0);
        assertEquals(0.4, confidence(row, 3, 0), 1e-6);
        assertEquals(0.4, confidence(row, 3, 1), 1e-6);
    }

    /** The confidence of class {@code k} for the {@code cell}-th distinct mask of a row. */
    private static double confidence(SubmissionRow row, int k, int cell) {
        List<String> masks = new ArrayList<>();
        for (Prediction p : row.predictions()) {
            if (!masks.contains(p.encodedMask())) {
                masks.add(p.encodedMask());
            }
        }
        String mask = masks.get(cell);
        return row.predictions().stream().filter(p -> p.classIndex() == k && p.encodedMask().equals(mask))
                .findFirst().orElseThrow().confidence();
    }
}
