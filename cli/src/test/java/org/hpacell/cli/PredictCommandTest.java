package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.io.HpaWriter;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.ImageFormat;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.progress.Progress;
import org.hpacell.stage2.CellCropper;
import org.hpacell.stage2.CellSamples;
import org.hpacell.stage2.CellTargets;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SyntheticField;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.RunDirectory;
import org.hpacell.train.TrainingLoop;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.InMemorySample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hpacell predict end to end on tiny real runs: a stage-1 classifier and a stage-2 cell classifier. */
class PredictCommandTest {
    @TempDir
    Path dir;

    private static String run(int expectedCode, String... args) {
        return CommandRun.expect(expectedCode, args);
    }

    private static TrainConfig tiny(int size) throws IOException {
        return ConfigFiles.parse("""
                {"model": "small", "seed": 1, "epochs": 1, "batchSize": 4, "imageSize": %d,
                 "validationFraction": 0.25, "loaderThreads": 1, "engineThreads": 1}
                """.formatted(size));
    }

    /** Writes {@code n} synthetic 64 px fields to {@code data} and their cells to {@code cells/ID+suffix}. */
    private static List<SyntheticField> writeFields(long seed, int n, Path data, Path cells, String suffix)
            throws IOException {
        FieldGenerator gen = new FieldGenerator(SynthParams.defaults(seed, n, 64, 8));
        List<SyntheticField> out = new ArrayList<>();
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            for (int i = 0; i < n; i++) {
                SyntheticField f = gen.generate(i);
                w.write(f.image(), f.imageLabels());
                ImageFiles.writeLabels(cells.resolve(f.id() + suffix), f.cells());
                out.add(f);
            }
        }
        return out;
    }

    /** A one-epoch stage-1 run on the fields, in {@code dir/stage1}. */
    private Path trainStage1(List<SyntheticField> generated) throws IOException {
        List<FieldSample> fields = new ArrayList<>();
        for (SyntheticField f : generated) {
            fields.add(new InMemorySample(f.image(), f.imageLabels(), f.cells()));
        }
        Path stage1 = dir.resolve("stage1");
        TrainingLoop.fromConfig(tiny(32), new RunDirectory(stage1), ClassifierFactory.REGISTRY, Progress.Factory.NONE)
                .run(fields, false);
        return stage1;
    }

    @Test
    void predictsEveryCellOfEveryFieldAndResumes() throws Exception {
        CellSamples crops = new CellSamples(new CellCropper(4), CellTargets.broadcast());
        Path data = dir.resolve("data");
        Path cells = dir.resolve("cells");
        List<SyntheticField> generated = writeFields(3, 6, data, cells, "_cells.png");
        int totalCells = 0;
        for (SyntheticField f : generated) {
            crops.add(f.image(), f.cells(), f.imageLabels());
            totalCells += f.cells().objects().size();
        }
        Path stage1 = trainStage1(generated);
        Path cellRun = dir.resolve("stage2"); // with stage1, dir is laid out as a pipeline folder
        TrainingLoop.fromConfig(tiny(32), new RunDirectory(cellRun), ClassifierFactory.REGISTRY, Progress.Factory.NONE)
                .run(crops.samples(), false);

        Path submission = dir.resolve("sub/submission.csv");
        String[] args = {"predict", "--data", data.toString(), "--cells", cells.toString(), "--stage1",
            stage1.toString(), "--cell-model", cellRun.toString(), "--padding", "4", "--out", submission.toString(),
            "--threads", "2", "--quiet"};
        String text = run(ExitCodes.OK, args);
        assertTrue(text.contains("6 field(s) predicted, 0 resumed"), text);
        List<SubmissionRow> rows = SubmissionReader.readAll(submission);
        assertEquals(6, rows.size());
        assertEquals(19 * totalCells, rows.stream().mapToInt(r -> r.predictions().size()).sum());
        // and its cells as GeoJSON beside it: one FeatureCollection per field, one Feature per cell
        int features = 0;
        for (SubmissionRow r : rows) {
            Path geojson = dir.resolve("sub/submission-geojson/" + r.id() + ".geojson");
            features += new com.fasterxml.jackson.databind.ObjectMapper().readTree(geojson.toFile()).get("features").size();
        }
        assertEquals(totalCells, features);

        // one unreadable field is left out of the submission; once mended, the next run redoes only it
        Files.delete(submission);
        String bad = generated.get(2).id();
        Path green = data.resolve(bad + "_green.png");
        byte[] good = Files.readAllBytes(green);
        Files.writeString(green, "not a png");
        text = run(ExitCodes.PARTIAL, args);
        assertTrue(text.contains("5 field(s) predicted, 0 resumed, 1 failed; wrote " + submission
                + " without the failed fields"), text);
        assertTrue(text.contains(green.toString()), "the failure names the file: " + text);
        assertEquals(rows.stream().filter(row -> !row.id().equals(bad)).toList(), SubmissionReader.readAll(submission));
        Files.write(green, good);
        text = run(ExitCodes.OK, args);
        assertTrue(text.contains("1 field(s) predicted, 5 resumed"), text);
        assertEquals(rows, SubmissionReader.readAll(submission));

        // parts left by one model are never joined with another's: broadcast (no --cell-model) after a stop
        Files.delete(submission);
        Files.writeString(green, "not a png");
        run(ExitCodes.PARTIAL, args);
        Files.write(green, good);
        String[] broadcast = {"predict", "--data", data.toString(), "--cells", cells.toString(), "--stage1",
            stage1.toString(), "--padding", "4", "--out", submission.toString(), "--threads", "2", "--quiet"};
        text = run(ExitCodes.OK, broadcast);
        assertTrue(text.contains("6 field(s) predicted, 0 resumed"), text);
        Path fresh = dir.resolve("fresh/submission.csv");
        broadcast[broadcast.length - 4] = fresh.toString();
        run(ExitCodes.OK, broadcast);
        assertEquals(SubmissionReader.readAll(fresh), SubmissionReader.readAll(submission));

        // --pipeline DIR stands for --stage1 DIR/stage1 --cell-model DIR/stage2
        Path viaPipeline = dir.resolve("pipeline-sub.csv");
        run(ExitCodes.OK, "predict", "--data", data.toString(), "--cells", cells.toString(), "--pipeline",
                dir.toString(), "--padding", "4", "--out", viaPipeline.toString(), "--threads", "2", "--quiet");
        assertEquals(rows, SubmissionReader.readAll(viaPipeline));
        // no stage-1 model at all is a usage error naming the options
        text = run(ExitCodes.USAGE, "predict", "--data", data.toString(), "--out", viaPipeline.toString());
        assertTrue(text.contains("no stage-1 model: give --stage1 RUN or --pipeline DIR"), text);
    }

    @Test
    void camMemberScoresCellsAsTheCamsCommandDoes() throws Exception {
        Path data = dir.resolve("data");
        Path cells = dir.resolve("cells");
        Path stage1 = trainStage1(writeFields(4, 4, data, cells, ".png"));

        // predict's CAM member with the cell score alone = the cams command's mean map in the cell
        Path submission = dir.resolve("predict.csv");
        run(ExitCodes.OK, "predict", "--data", data.toString(), "--cells", cells.toString(), "--stage1",
                stage1.toString(), "--cam", "--rule", "cell", "--out", submission.toString(), "--quiet");
        Path camsOut = dir.resolve("cams");
        run(ExitCodes.OK, "cams", "--model", stage1.toString(), "--data", data.toString(), "--out", camsOut.toString(),
                "--cells", cells.toString(), "--pooling", "mean", "--combine", "map", "--quiet");
        // both in field-ID order, whichever field finished first
        List<SubmissionRow> expected = SubmissionReader.readAll(camsOut.resolve("submission.csv"));
        List<SubmissionRow> actual = SubmissionReader.readAll(submission);
        assertEquals(4, expected.size());
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            List<Prediction> e = expected.get(r).predictions();
            List<Prediction> a = actual.get(r).predictions();
            String id = expected.get(r).id();
            assertEquals(id, actual.get(r).id());
            assertEquals(e.size(), a.size(), id);
            for (int i = 0; i < e.size(); i++) {
                assertEquals(e.get(i).encodedMask(), a.get(i).encodedMask(), id + " cell mask " + i);
                assertEquals(e.get(i).confidence(), a.get(i).confidence(), 1e-5, id + " prediction " + i);
            }
        }
    }
}
