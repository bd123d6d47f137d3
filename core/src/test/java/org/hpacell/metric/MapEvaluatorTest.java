package org.hpacell.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.image.BinaryMask;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionRow;
import org.hpacell.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constructed cases for each rule of the metric. */
class MapEvaluatorTest {
    static final int W = 20;
    static final int H = 20;

    /** The Kaggle string of the rectangle of columns x0..x1-1, rows y0..y1-1. */
    static String rect(int x0, int y0, int x1, int y1) {
        boolean[] full = new boolean[W * H];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                full[y * W + x] = true;
            }
        }
        return MaskCodec.encode(BinaryMask.ofRowMajor(W, H, full));
    }

    static SubmissionRow row(String id, Object... triples) {
        List<Prediction> p = new ArrayList<>();
        for (int i = 0; i < triples.length; i += 3) {
            p.add(new Prediction((Integer) triples[i], ((Number) triples[i + 1]).doubleValue(), (String) triples[i + 2]));
        }
        return new SubmissionRow(id, W, H, p);
    }

    static EvaluationResult eval(IouKind kind, List<SubmissionRow> truth, List<SubmissionRow> pred) {
        MapEvaluator e = new MapEvaluator(kind);
        truth.forEach(e::addTruth);
        pred.forEach(e::addPrediction);
        return e.result();
    }

    @Test
    void iouOfExactlyPointSixMatchesAndJustBelowDoesNot() {
        String cell = rect(0, 0, 5, 1);                 // 5 pixels
        String three = rect(0, 0, 3, 1);                // IoU 3/5 = 0.6 exactly
        String sixOfTen = rect(0, 0, 6, 2);             // 12 px, intersection 5 -> 5/12 < 0.6
        for (IouKind kind : IouKind.values()) {
            EvaluationResult r = eval(kind, List.of(row("f", 0, 1, cell)), List.of(row("f", 0, 0.9, three)));
            assertEquals(1.0, r.classes().get(0).averagePrecision(), kind.toString());
            r = eval(kind, List.of(row("f", 0, 1, cell)), List.of(row("f", 0, 0.9, sixOfTen)));
            assertEquals(0.0, r.classes().get(0).averagePrecision(), kind.toString());
        }
        // 3/5 in doubles is 0.6 only by luck of rounding; 6/10, 9/15, 300/500 must match too.
        assertTrue(new Overlap(9, 15).matches());
        assertTrue(new Overlap(300, 500).matches());
        assertTrue(!new Overlap(299, 500).matches());
        assertTrue(!new Overlap(0, 0).matches());
    }

    @Test
    void aDetectionGoesToItsBestCellEvenIfThatOneIsTaken() {
        // Cells A (x 0..9) and B (x 3..12) overlap; the second detection's best cell is A (taken), and
        // although its IoU with B is >= 0.6 it is a false positive.
        String a = rect(0, 0, 10, 10);
        String b = rect(3, 0, 13, 10);
        EvaluationResult r = eval(IouKind.MASK, List.of(row("f", 4, 1, a, 4, 1, b)),
                List.of(row("f", 4, 0.9, a, 4, 0.8, rect(1, 0, 11, 10))));
        // Second detection (x 1..10): IoU with A 90/110, with B 80/120 (>= 0.6 too) -> best is A, taken -> FP.
        ClassResult c = r.classes().get(4);
        assertEquals(1, c.truePositives());
        assertEquals(2, c.detections());
        assertEquals(0.5, c.averagePrecision(), 1e-12);
        // In the other order of confidences the shifted mask takes A and the exact one is the duplicate.
        r = eval(IouKind.MASK, List.of(row("f", 4, 1, a, 4, 1, b)),
                List.of(row("f", 4, 0.5, a, 4, 0.8, rect(1, 0, 11, 10))));
        assertEquals(1, r.classes().get(4).truePositives());
    }

    @Test
    void detectionsOfAClassAbsentFromTheFieldAreIgnored() {
        String a = rect(0, 0, 5, 5);
        String b = rect(10, 10, 15, 15);
        EvaluationResult r = eval(IouKind.MASK,
                List.of(row("f1", 2, 1, a, 10, 1, b), row("f2", 2, 1, a)),
                List.of(row("f1", 2, 0.9, a, 10, 0.2, b), row("f2", 2, 0.9, a, 10, 0.99, a, 7, 0.5, b)));
        ClassResult c10 = r.classes().get(10);
        assertEquals(1.0, c10.averagePrecision());
        assertEquals(1, c10.detections());
        assertEquals(1, c10.ignoredDetections());
        assertTrue(Double.isNaN(r.classes().get(7).averagePrecision()));
        assertEquals(1, r.classes().get(7).ignoredDetections());
        assertEquals(1.0, r.meanAveragePrecision());
    }

    @Test
    void classesWithTruthButNoDetectionsCountAsZeroAndClassesWithoutTruthAreLeftOut() {
        String a = rect(0, 0, 5, 5);
        EvaluationResult r = eval(IouKind.MASK, List.of(row("f", 0, 1, a, 1, 1, a)), List.of(row("f", 0, 0.3, a)));
        assertEquals(1.0, r.classes().get(0).averagePrecision());
        assertEquals(0.0, r.classes().get(1).averagePrecision());
        assertEquals(0.5, r.meanAveragePrecision());
        assertTrue(Double.isNaN(r.classes().get(2).averagePrecision()));
        assertTrue(Double.isNaN(eval(IouKind.MASK, List.of(row("e")), List.of()).meanAveragePrecision()));
    }

    @Test
    void equalConfidencesRankInPredictionFileOrder() {
        String a = rect(0, 0, 5, 5);
        String far = rect(10, 10, 15, 15);
        List<SubmissionRow> truth = List.of(row("f1", 3, 1, a), row("f2", 3, 1, a));
        SubmissionRow miss = row("f1", 3, 0.5, far);
        SubmissionRow hit = row("f2", 3, 0.5, a);
        // Ranked FP then TP: precision 1/2 at recall 1/2.
        assertEquals(0.25, eval(IouKind.MASK, truth, List.of(miss, hit)).classes().get(3).averagePrecision(), 1e-12);
        // Ranked TP then FP: precision 1 at recall 1/2.
        assertEquals(0.5, eval(IouKind.MASK, truth, List.of(hit, miss)).classes().get(3).averagePrecision(), 1e-12);
        // Within a field, equal confidences keep row order: the first takes the cell, the second is a duplicate.
        EvaluationResult r = eval(IouKind.MASK, List.of(row("f", 3, 1, a)), List.of(row("f", 3, 0.5, far, 3, 0.5, a)));
        assertEquals(0.5, r.classes().get(3).averagePrecision(), 1e-12);
    }

    @Test
    void boxIouUsesBoundingBoxes() {
        // An L-shaped cell and its bounding box: mask IoU 19/36 < 0.6, box IoU 1.
        String box = rect(0, 0, 6, 6);
        boolean[] full = new boolean[W * H];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 2; j++) {
                full[i * W + j] = true;      // two columns
                full[(4 + j) * W + i] = true; // two rows at the bottom
            }
        }
        String ell = MaskCodec.encode(BinaryMask.ofRowMajor(W, H, full));
        List<SubmissionRow> truth = List.of(row("f", 6, 1, ell));
        List<SubmissionRow> pred = List.of(row("f", 6, 0.7, box));
        assertEquals(0.0, eval(IouKind.MASK, truth, pred).classes().get(6).averagePrecision());
        assertEquals(1.0, eval(IouKind.BOX, truth, pred).classes().get(6).averagePrecision());
    }

    @Test
    void fieldsOutsideTheTruthAreCountedNotScoredAndMissingFieldsCostRecall() {
        String a = rect(0, 0, 5, 5);
        EvaluationResult r = eval(IouKind.MASK, List.of(row("f1", 0, 1, a), row("f2", 0, 1, a)),
                List.of(row("f1", 0, 0.9, a), row("zz", 0, 0.9, a)));
        assertEquals(1, r.fieldsNotInTruth());
        assertEquals(List.of("zz"), r.fieldsNotInTruthExamples());
        assertEquals(1, r.scoredFields());
        assertEquals(1, r.truthFieldsWithoutPredictions());
        assertEquals(0.5, r.classes().get(0).averagePrecision(), 1e-12);
    }

    @Test
    void averagePrecisionIsVocAllPoint() {
        // TP FP TP with 3 truth cells: 1/3 * 1 + 1/3 * 2/3.
        assertEquals(5.0 / 9, AveragePrecision.compute(new boolean[] {true, false, true}, 3, 3), 1e-12);
        assertEquals(0.0, AveragePrecision.compute(new boolean[0], 0, 2));
        // Precision is made non-increasing from the right: FP TP TP TP with 3 cells -> 3/4 everywhere.
        assertEquals(0.75, AveragePrecision.compute(new boolean[] {false, true, true, true}, 4, 3), 1e-12);
    }

    @Test
    void inconsistentInputIsRejected() {
        MapEvaluator e = new MapEvaluator(IouKind.MASK);
        e.addTruth(row("f", 0, 1, rect(0, 0, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> e.addTruth(row("f")));
        assertThrows(IllegalArgumentException.class, () -> e.addPrediction(new SubmissionRow("f", W + 1, H, List.of())));
        e.addPrediction(row("f"));
        assertThrows(IllegalArgumentException.class, () -> e.addPrediction(row("f")));
        assertThrows(IllegalStateException.class, () -> e.addTruth(row("g")));
    }

    @Test
    void scorerListsEveryBadRowWithItsLine(@TempDir Path dir) throws Exception {
        Path gt = dir.resolve("gt.csv");
        Path pred = dir.resolve("pred.csv");
        String a = rect(0, 0, 5, 5);
        Files.writeString(gt, "ID,ImageWidth,ImageHeight,PredictionString\nf,20,20,0 1 " + a + "\ng,20,20,0 1 AAAA\n");
        Files.writeString(pred, "ID,ImageWidth,ImageHeight,PredictionString\nf,20,20,0 0.5\nf,20,21,\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubmissionScorer.score(gt, pred, IouKind.MASK, Progress.Factory.NONE));
        String m = e.getMessage();
        assertTrue(m.startsWith("3 bad row(s)"), m);
        assertTrue(m.contains(gt + ":3: "), m);
        assertTrue(m.contains(pred + ":2: PredictionString has 2 tokens"), m);
        assertTrue(m.contains(pred + ":3: field f is 20x21"), m);
    }
}
