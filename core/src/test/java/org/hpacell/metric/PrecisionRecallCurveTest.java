package org.hpacell.metric;

import static org.hpacell.metric.MapEvaluatorTest.rect;
import static org.hpacell.metric.MapEvaluatorTest.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hpacell.atlas.Location;
import org.hpacell.io.SubmissionRow;
import org.junit.jupiter.api.Test;

/** The per-class precision-recall points an evaluation exposes, and their agreement with its AP. */
class PrecisionRecallCurveTest {

    @Test
    void pointsFollowTheRankingOfDetections() {
        String a = rect(0, 0, 5, 5);
        String b = rect(10, 10, 15, 15);
        String far = rect(0, 12, 4, 16);
        MapEvaluator e = new MapEvaluator(IouKind.MASK);
        e.addTruth(row("f", 3, 1, a, 3, 1, b));
        // ranked: hit a (0.9), miss (0.7), hit b (0.4)
        e.addPrediction(row("f", 3, 0.7, far, 3, 0.9, a, 3, 0.4, b));
        PrecisionRecallCurve c = e.precisionRecall(Location.of(3)).orElseThrow();
        assertEquals(2, c.truthInstances());
        assertArrayEquals(new double[] {0.9, 0.7, 0.4}, c.confidence());
        assertArrayEquals(new double[] {0.5, 0.5, 1.0}, c.recall());
        assertArrayEquals(new double[] {1.0, 0.5, 2.0 / 3}, c.precision(), 1e-12);
        assertArrayEquals(new double[] {1.0, 2.0 / 3, 2.0 / 3}, c.interpolatedPrecision(), 1e-12);
        assertEquals(1.0, c.maxRecall());
        assertTrue(e.precisionRecall(Location.of(4)).isEmpty(), "no truth, no curve");
    }

    @Test
    void areaUnderTheInterpolatedCurveIsTheAveragePrecision() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            MapEvaluator e = new MapEvaluator(IouKind.MASK);
            int fields = 1 + rnd.nextInt(4);
            for (int f = 0; f < fields; f++) {
                e.addTruth(row("f" + f, 0, 1, rect(0, 0, 5, 5), 0, 1, rect(10, 10, 15, 15)));
            }
            for (int f = 0; f < fields; f++) {
                int n = rnd.nextInt(4);
                Object[] triples = new Object[3 * n];
                for (int k = 0; k < n; k++) {
                    int x = rnd.nextInt(12);
                    triples[3 * k] = 0;
                    triples[3 * k + 1] = rnd.nextInt(5) / 4.0;
                    triples[3 * k + 2] = rect(x, x, x + 5, x + 5);
                }
                SubmissionRow r = row("f" + f, triples);
                e.addPrediction(r);
            }
            PrecisionRecallCurve c = e.precisionRecall(Location.of(0)).orElseThrow();
            double[] p = c.interpolatedPrecision();
            double[] r = c.recall();
            double area = 0;
            double previous = 0;
            for (int i = 0; i < r.length; i++) {
                area += (r[i] - previous) * p[i];
                previous = r[i];
            }
            assertEquals(e.result().classes().get(0).averagePrecision(), area, 1e-12, "trial " + trial);
            for (int i = 1; i < r.length; i++) {
                assertTrue(r[i] >= r[i - 1] && c.confidence()[i] <= c.confidence()[i - 1], "monotone");
            }
        }
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] recall = {0.5};
        PrecisionRecallCurve c = new PrecisionRecallCurve(Location.of(1), 2, recall, new double[] {1}, new double[] {.3});
        recall[0] = 0.9;
        c.recall()[0] = 0.7;
        assertEquals(0.5, c.recall()[0]);
        assertEquals(c, new PrecisionRecallCurve(Location.of(1), 2, new double[] {0.5}, new double[] {1},
                new double[] {.3}));
    }
}
