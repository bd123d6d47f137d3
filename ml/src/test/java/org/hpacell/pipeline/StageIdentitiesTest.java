package org.hpacell.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpacell.identity.StageIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which stages each kind of change reaches: exactly the stages that read what changed. */
class StageIdentitiesTest {
    @TempDir
    Path dir;

    private List<String> changed(PipelineConfig a, PipelineConfig b, Path testA, Path testB) throws Exception {
        Map<String, StageIdentity> before = StageIdentities.of(a, dir.resolve("train"), testA);
        Map<String, StageIdentity> after = StageIdentities.of(b, dir.resolve("train"), testB);
        List<String> out = new ArrayList<>();
        for (String stage : Pipeline.STAGES) {
            if (!before.get(stage).equals(after.get(stage))) {
                out.add(stage);
            }
        }
        return out;
    }

    @Test
    void eachChangeReachesTheStagesThatReadIt() throws Exception {
        Files.createDirectories(dir.resolve("train"));
        Files.writeString(dir.resolve("train/train.csv"), "ID,Label\n");
        Path testA = Files.createDirectories(dir.resolve("testA"));
        Path testB = Files.createDirectories(dir.resolve("testB"));
        Files.writeString(testB.resolve("f_red.png"), "x");
        PipelineConfig c = PipelineConfig.defaults();

        assertEquals(List.of(), changed(c, PipelineConfig.defaults(), testA, testA));
        assertEquals(List.of("segment", "cams", "predict"), changed(c, c, testA, testB));

        PipelineConfig threads = PipelineConfig.defaults();
        threads.threads = c.threads + 1;
        assertEquals(List.of(), changed(c, threads, testA, testA), "threads change no result");

        PipelineConfig segmenter = PipelineConfig.defaults();
        segmenter.segmenter = "truth";
        assertEquals(Pipeline.STAGES, changed(c, segmenter, testA, testA));

        PipelineConfig stage1 = PipelineConfig.defaults();
        stage1.stage1.epochs++;
        // the oracle trains on the cells of the fields stage 1 does not hold out
        assertEquals(List.of("stage1", "cams", "pseudo", "stage2", "oracle", "predict"),
                changed(c, stage1, testA, testA));

        PipelineConfig tta = PipelineConfig.defaults();
        tta.tta = !c.tta;
        assertEquals(List.of("cams", "pseudo", "stage2", "predict"), changed(c, tta, testA, testA));

        PipelineConfig threshold = PipelineConfig.defaults();
        threshold.pixelThreshold = 0.3f;
        assertEquals(List.of("pseudo", "stage2", "predict"), changed(c, threshold, testA, testA));

        PipelineConfig cells = PipelineConfig.defaults();
        cells.cropPadding = 4;
        assertEquals(List.of("stage2", "oracle", "predict"), changed(c, cells, testA, testA));

        PipelineConfig method = PipelineConfig.defaults();
        method.stage2.method = "five-level";
        assertEquals(List.of("stage2", "predict"), changed(c, method, testA, testA));

        PipelineConfig noOracle = PipelineConfig.defaults();
        noOracle.oracle = false;
        assertEquals(List.of("oracle", "predict"), changed(c, noOracle, testA, testA));

        Map<String, StageIdentity> before = StageIdentities.of(c, dir.resolve("train"), testA);
        Files.writeString(dir.resolve("train/train.csv"), "ID,Label\nf,1\n");
        Map<String, StageIdentity> after = StageIdentities.of(c, dir.resolve("train"), testA);
        for (String stage : Pipeline.STAGES) {
            assertEquals(List.of(StageIdentities.TRAIN), after.get(stage).changedFrom(before.get(stage)), stage);
        }
    }
}
