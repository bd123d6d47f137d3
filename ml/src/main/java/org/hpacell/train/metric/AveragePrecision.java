package org.hpacell.train.metric;

import java.util.Arrays;

/**
 * Average precision of a ranking, as scikit-learn's {@code average_precision_score}:
 * {@code AP = sum_n (R_n - R_{n-1}) P_n} over the distinct score thresholds in decreasing order, so
 * tied scores form one threshold (no interpolation, no dependence on the order of ties).
 */
public final class AveragePrecision {
    private AveragePrecision() {
    }

    /**
     * AP of one class.
     *
     * @param scores   a score per item (higher = more likely positive)
     * @param positive whether each item is a positive
     * @return the AP, or {@code NaN} when there is no positive
     */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        int totalPos = 0;
        for (boolean p : positive) {
            totalPos += p ? 1 : 0;
        }
        if (totalPos == 0) {
            return Double.NaN;
        }
        // a NaN score (a diverged model) ranks last, and ties are found with Double.compare, under which
        // NaN equals NaN: with == a NaN would never leave the tie loop below
        double[] ranked = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            ranked[k] = Double.isNaN(scores[k]) ? Double.NEGATIVE_INFINITY : scores[k];
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(ranked[b], ranked[a]));
        double ap = 0;
        int tp = 0;
        int seen = 0;
        double prevRecall = 0;
        int i = 0;
        while (i < order.length) {
            double s = ranked[order[i]];
            // one threshold per distinct score: take every tied item at once
            while (i < order.length && Double.compare(ranked[order[i]], s) == 0) {
                tp += positive[order[i]] ? 1 : 0;
                seen++;
                i++;
            }
            double recall = (double) tp / totalPos;
            ap += (recall - prevRecall) * ((double) tp / seen);
            prevRecall = recall;
        }
        return ap;
    }

    /**
     * Per-class AP of a score matrix.
     *
     * @param scores  {@code [item][class]}
     * @param targets {@code [item][class]} with 1 for a positive (values above 0.5 count as positive)
     * @return AP per class; {@code NaN} for classes without positives
     */
    public static double[] perClass(float[][] scores, float[][] targets) {
        int k = scores.length == 0 ? 0 : scores[0].length;
        double[] ap = new double[k];
        for (int c = 0; c < k; c++) {
            double[] s = new double[scores.length];
            boolean[] p = new boolean[scores.length];
            for (int i = 0; i < scores.length; i++) {
                s[i] = scores[i][c];
                p[i] = targets[i][c] > 0.5f;
            }
            ap[c] = of(s, p);
        }
        return ap;
    }

    /** Mean of the non-NaN values (classes with positives); {@code NaN} when there is none. */
    public static double macro(double[] perClass) {
        double sum = 0;
        int n = 0;
        for (double v : perClass) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
