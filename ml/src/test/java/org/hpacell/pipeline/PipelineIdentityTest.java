package org.hpacell.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hpacell.cam.CamJob;
import org.hpacell.cam.CamModel;
import org.hpacell.cam.TtaPlan;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.progress.Progress;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline rerun into the same folder with other inputs or config redoes exactly the stages whose
 * identity changed, says so in one line, and ends with what a fresh run writes. A tiny atlas (12
 * training, 4 + 4 test fields of 96 px, one epoch per stage) keeps it fast; the results are not meant to
 * be good, only reproducible.
 */
class PipelineIdentityTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void atlas() throws Exception {
        synth("train", 1, 12);
        synth("testA", 2, 4);
        synth("testB", 3, 4);
    }

    private static void synth(String name, long seed, int fields) throws Exception {
        new SynthDataset(SynthParams.defaults(seed, fields, 96, 8)).write(dir.resolve(name), 2, Progress.NONE, null, 0);
    }

    static PipelineConfig tiny() {
        PipelineConfig c = PipelineConfig.defaults();
        c.threads = 2;
        c.tta = false;
        c.stage1.imageSize = 48;
        c.stage1.epochs = 1;
        c.stage1.batchSize = 4;
        c.stage1.seed = 7;
        c.stage1.engineThreads = 1;
        c.cellModel.imageSize = 32;
        c.cellModel.epochs = 1;
        c.cellModel.batchSize = 16;
        c.cellModel.seed = 7;
        c.cellModel.engineThreads = 1;
        return c;
    }

    /** Runs the pipeline and returns what it printed. */
    static String run(PipelineConfig c, Path out, String test) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream p = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            new Pipeline(c, out, Progress.Factory.NONE, p).run(dir.resolve("train"), dir.resolve(test));
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anotherTestFolderRedoesTheTestStagesAndWritesWhatAFreshRunWrites() throws Exception {
        Path out = dir.resolve("rerun");
        run(tiny(), out, "testA");
        String second = run(tiny(), out, "testB");
        assertTrue(second.contains(": --test data; redoing segment, cams, predict\n"), second);
        assertTrue(second.contains("[stage1] done before, skipped"), second);
        assertTrue(second.contains("[stage2] done before, skipped"), second);
        assertTrue(second.contains("[predict] ..."), second);

        Path fresh = dir.resolve("fresh");
        run(tiny(), fresh, "testB");
        PipelineLayout a = new PipelineLayout(out);
        PipelineLayout b = new PipelineLayout(fresh);
        for (Path p : a.methodSubmissions().values()) {
            Path same = fresh.resolve(out.relativize(p));
            assertArrayEquals(Files.readAllBytes(same), Files.readAllBytes(p), out.relativize(p).toString());
        }
        assertEquals(Files.readString(b.evaluation()), Files.readString(a.evaluation()));

        String third = run(tiny(), out, "testB");
        assertFalse(third.contains("redoing"), "nothing changed: " + third);
        assertFalse(third.contains("] ..."), "every stage is kept: " + third);
    }

    @Test
    void aChangedConfigSectionRedoesItsStageAndWhatFollows() throws Exception {
        Path out = dir.resolve("config");
        run(tiny(), out, "testA");
        PipelineConfig other = tiny();
        other.pixelThreshold = 0.3f;
        other.threads = 1; // not part of any identity
        // what a run killed mid-write leaves, in a stage that is kept and at the top
        Path metrics = Files.createTempFile(out.resolve("stage1"), ".metrics.png", ".tmp");
        Path config = Files.createTempFile(out, ".config.json", ".tmp");
        String second = run(other, out, "testA");
        assertFalse(Files.exists(metrics) || Files.exists(config), "a rerun removes its earlier run's temporary files");
        assertTrue(second.contains(": config pixelThreshold; redoing pseudo, stage2, predict\n"), second);
        assertTrue(second.contains("[cams] done before, skipped"), second);
        assertEquals(0.3f, PipelineConfig.read(new PipelineLayout(out).config()).pixelThreshold,
                "config.json is the config that made the results");

        // stage 2 killed mid-way (no marker, its checkpoint kept), then rerun with another cell model seed:
        // it starts afresh rather than resuming the old config's checkpoint
        PipelineLayout layout = new PipelineLayout(out);
        Files.delete(layout.marker("stage2"));
        Path checkpoint = layout.stage2().resolve("checkpoints/last.ckpt");
        byte[] old = Files.readAllBytes(checkpoint);
        other.cellModel.seed = 8;
        String third = run(other, out, "testA");
        assertTrue(third.contains(": config cellModel; redoing stage2, oracle, predict\n"), third);
        assertFalse(java.util.Arrays.equals(old, Files.readAllBytes(checkpoint)), "a new model, not the old one");
    }

    @Test
    void everySubmissionIsInFieldIdOrderWhateverTheWorkOrder() throws Exception {
        Path out = dir.resolve("order");
        run(tiny(), out, "testA");
        PipelineLayout layout = new PipelineLayout(out);
        for (Path p : layout.methodSubmissions().values()) {
            List<String> ids = SubmissionReader.readAll(p).stream().map(SubmissionRow::id).toList();
            assertEquals(ids.stream().sorted().toList(), ids, p.toString());
            assertEquals(4, ids.size(), p.toString());
        }
        // the CAM job given its fields in reverse order still writes them in ID order
        HpaDataset test = HpaDataset.open(dir.resolve("testA"));
        List<String> reversed = new ArrayList<>(test.ids());
        Collections.reverse(reversed);
        Path cams = dir.resolve("order-cams");
        try (CamModel model = CamModel.load(layout.stage1(), Pipeline.NETWORKS)) {
            CamJob.run(List.of(model), test, reversed, cams, new CamJob.Options(TtaPlan.none(), 1, false, -1,
                    layout.cells(PipelineLayout.Split.TEST), cams.resolve("submission.csv"), CellScorer.defaults()),
                    Progress.Factory.NONE);
        }
        assertEquals(test.ids(), SubmissionReader.readAll(cams.resolve("submission.csv")).stream()
                .map(SubmissionRow::id).toList());
    }
}
