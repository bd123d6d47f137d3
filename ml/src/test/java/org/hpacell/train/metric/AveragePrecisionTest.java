package org.hpacell.train.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {
    @Test
    void perfectRanking() {
        assertEquals(1.0, AveragePrecision.of(new double[] {0.9, 0.8, 0.1}, new boolean[] {true, true, false}), 1e-12);
    }

    @Test
    void handComputed() {
        // ranking: P(0.9) N(0.8) P(0.7) N(0.4) P(0.2): precisions at positives 1, 2/3, 3/5; recall steps 1/3
        double ap = AveragePrecision.of(new double[] {0.9, 0.8, 0.7, 0.4, 0.2},
                new boolean[] {true, false, true, false, true});
        assertEquals((1 + 2.0 / 3 + 3.0 / 5) / 3, ap, 1e-12);
    }

    @Test
    void scikitLearnExample() {
        // sklearn docs: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333...
        double ap = AveragePrecision.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
        assertEquals(0.8333333333, ap, 1e-9);
    }

    @Test
    void tiesFormOneThreshold() {
        // all tied: one threshold with precision 2/4 at recall 1
        double ap = AveragePrecision.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {true, false, false, true});
        assertEquals(0.5, ap, 1e-12);
        // the order of tied items does not matter
        double a = AveragePrecision.of(new double[] {0.9, 0.5, 0.5}, new boolean[] {false, true, false});
        double b = AveragePrecision.of(new double[] {0.9, 0.5, 0.5}, new boolean[] {false, false, true});
        assertEquals(a, b, 1e-12);
        assertEquals(1.0 / 3, a, 1e-12);
    }

    @Test
    void macroSkipsClassesWithoutPositives() {
        float[][] s = {{0.9f, 0.1f, 0.3f}, {0.2f, 0.8f, 0.6f}};
        float[][] t = {{1, 0, 0}, {0, 0, 1}};
        double[] per = AveragePrecision.perClass(s, t);
        assertEquals(1.0, per[0], 1e-12);
        assertTrue(Double.isNaN(per[1]));
        assertEquals(1.0, per[2], 1e-12);
        assertEquals(1.0, AveragePrecision.macro(per), 1e-12);
    }

    @Test
    void nanScoresRankLastInsteadOfHanging() {
        // a diverged model's NaN scores once sent the tie loop into an endless loop
        double ap = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> AveragePrecision.of(new double[] {Double.NaN, 0.9, Double.NaN, 0.1},
                        new boolean[] {true, true, false, false}));
        // ranked 0.9 (pos), 0.1 (neg), then the two NaNs tied (pos, neg): AP = 1 * 0.5 + 0.5 * (2 / 4)
        org.junit.jupiter.api.Assertions.assertEquals(0.75, ap, 1e-12);
    }
}
