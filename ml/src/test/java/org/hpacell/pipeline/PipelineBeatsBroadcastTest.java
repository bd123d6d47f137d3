package org.hpacell.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.hpacell.metric.GapRecovered;
import org.hpacell.metric.IouKind;
import org.hpacell.metric.SubmissionScorer;
import org.hpacell.progress.Progress;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weakly supervised pipeline end to end on the demo's synthetic atlas (128 training / 32 test fields
 * of 256 px, seed 42, the demo's configuration): trained on image labels only, its submission, scored by
 * the challenge evaluator against the held-out fields' per-cell truth, must beat the broadcast baseline
 * (every cell given its field's stage-1 image probabilities) on the same cells by {@link #MARGIN}. The
 * baseline shares the stage-1 model, the segmentation and the cells, so the margin is what stage 2 and
 * the CAMs add at the cell level. The oracle (the same cell model on the true labels of the training cells)
 * must recover at least {@link #ORACLE_GAP} of the gap to the segmentation-limited ceiling: the test fails
 * if the cell model stops learning. Everything is seeded; the demo measured a submission of 0.8095 against
 * 0.7161, the oracle 0.8964 (76% of the gap; docs/BENCHMARKS.md, "Cell-level accuracy").
 *
 * <p>The slowest test of the build (the demo's pipeline: about 5.5 minutes on a 2-core machine, oracle included), kept
 * in {@code ./mvnw verify} because it is the one check that the method works. Smaller atlases
 * were measured and are not used, because there the weak pipeline does <em>not</em> beat the baseline
 * (64 training fields: 0.635 against 0.660 at 256 px, 0.585 against 0.601 at 192 px), which the same
 * section of BENCHMARKS.md records as a limit of the method at that scale.
 */
class PipelineBeatsBroadcastTest {
    /** The smallest gain over the broadcast baseline the test accepts. */
    private static final double MARGIN = 0.04;
    /** The smallest share of the broadcast-to-ceiling gap the oracle must recover. */
    private static final double ORACLE_GAP = 0.5;

    @Test
    void submissionBeatsTheBroadcastBaseline(@TempDir Path dir) throws Exception {
        Demo.Size size = Demo.Size.standard();
        long seed = 42;
        Path train = dir.resolve("train");
        Path test = dir.resolve("test");
        new SynthDataset(SynthParams.defaults(seed, size.trainFields(), size.fieldSize(), 8))
                .write(train, 2, Progress.NONE, null, 0);
        new SynthDataset(SynthParams.defaults(seed + 1, size.testFields(), size.fieldSize(), 8))
                .write(test, 2, Progress.NONE, null, 0);

        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        PipelineConfig c = new Demo(size, seed, 2, Progress.Factory.NONE, quiet).config();
        Pipeline.Result r = new Pipeline(c, dir.resolve("run"), Progress.Factory.NONE, quiet).run(train, test);

        Map<String, Double> map = r.cellMap();
        System.out.println("demo-size pipeline, cell mAP@0.6: " + map);
        double submission = map.get(PipelineLayout.SUBMISSION);
        double broadcast = map.get(PipelineLayout.BROADCAST);
        // the table is the evaluator's score of the files the run wrote
        assertEquals(SubmissionScorer.score(test.resolve(SynthDataset.TRUTH_CSV), r.submission(), IouKind.MASK,
                Progress.Factory.NONE).meanAveragePrecision(), submission, 1e-9);
        assertTrue(submission >= broadcast + MARGIN, "submission " + submission + " vs broadcast " + broadcast);
        // the cell model learns: trained on the true labels of the training cells, it recovers a clear share
        // of the gap from broadcast to the segmentation-limited ceiling (0.76 measured, docs/BENCHMARKS.md)
        double ceiling = map.get(GapRecovered.CEILING);
        double oracle = map.get(PipelineLayout.ORACLE);
        assertTrue(ceiling > oracle && oracle > submission - 0.02, map.toString());
        assertTrue(GapRecovered.of(oracle, map).orElseThrow() >= ORACLE_GAP, "oracle " + oracle + " recovers "
                + GapRecovered.of(oracle, map).orElseThrow() + " of the gap; " + map);
        // the submission's cells for QuPath beside it, one file per test field
        try (var files = java.nio.file.Files.list(new PipelineLayout(dir.resolve("run")).submissionGeoJson())) {
            assertEquals(size.testFields(), files.filter(f -> f.toString().endsWith(".geojson")).count());
        }
    }
}
