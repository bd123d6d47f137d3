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
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.predict.PredictionPipeline;
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

    @Test
    void predictsEveryCellOfEveryFieldAndResumes() throws Exception {
        FieldGenerator gen = new FieldGenerator(SynthParams.defaults(3, 6, 64, 8));
        List<FieldSample> fields = new ArrayList<>();
        CellSamples crops = new CellSamples(new CellCropper(4), CellTargets.broadcast());
        Path data = dir.resolve("data");
        Path cells = dir.resolve("cells");
        int totalCells = 0;
        try (HpaWriter w = HpaWriter.create(data, ImageFormat.PNG, 8)) {
            for (int i = 0; i < 6; i++) {
                SyntheticField f = gen.generate(i);
                w.write(f.image(), f.imageLabels());
                ImageFiles.writeLabels(cells.resolve(f.id() + "_cells.png"), f.cells());
                fields.add(new InMemorySample(f.image(), f.imageLabels(), f.cells()));
                crops.add(f.image(), f.cells(), f.imageLabels());
                totalCells += f.cells().objects().size();
            }
        }
        Path stage1 = dir.resolve("stage1");
        TrainingLoop.fromConfig(tiny(32), new RunDirectory(stage1), ClassifierFactory.REGISTRY, Progress.Factory.NONE)
                .run(fields, false);
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

        // a killed run: the parts of finished fields are kept; the next run redoes only the others
        Path parts = PredictionPipeline.partsFolder(submission);
        Files.createDirectories(parts);
        for (SubmissionRow r : rows.subList(0, 4)) {
            try (var w = org.hpacell.io.SubmissionWriter.open(parts.resolve(r.id() + ".csv"))) {
                w.write(r);
                w.commit();
            }
        }
        text = run(ExitCodes.OK, args);
        assertTrue(text.contains("2 field(s) predicted, 4 resumed"), text);
        assertEquals(rows, SubmissionReader.readAll(submission));

        // --pipeline DIR stands for --stage1 DIR/stage1 --cell-model DIR/stage2
        Path viaPipeline = dir.resolve("pipeline-sub.csv");
        run(ExitCodes.OK, "predict", "--data", data.toString(), "--cells", cells.toString(), "--pipeline",
                dir.toString(), "--padding", "4", "--out", viaPipeline.toString(), "--threads", "2", "--quiet");
        assertEquals(rows, SubmissionReader.readAll(viaPipeline));
        // no stage-1 model at all is a usage error naming the options
        text = run(ExitCodes.USAGE, "predict", "--data", data.toString(), "--out", viaPipeline.toString());
        assertTrue(text.contains("no stage-1 model: give --stage1 RUN or --pipeline DIR"), text);
    }
}
