package org.hpacell.metric;

import java.util.Arrays;

/**
 * The scored detections of one class over all fields: confidence and true/false positive, in the order
 * they were matched (fields in prediction-file order; within a field by descending confidence, ties in
 * row order). That order breaks ties between equal confidences when ranking.
 */
final class ClassDetections {
    private double[] confidence = new double[64];
    private boolean[] truePositive = new boolean[64];
    private int size;
    private int truePositives;

    void add(double c, boolean tp) {
        if (size == confidence.length) {
            confidence = Arrays.copyOf(confidence, size * 2);
            truePositive = Arrays.copyOf(truePositive, size * 2);
        }
        confidence[size] = c;
        truePositive[size] = tp;
        size++;
        if (tp) {
            truePositives++;
        }
    }

    int size() {
        return size;
    }

    int truePositives() {
        return truePositives;
    }

    /**
     * The true-positive flags ranked by descending confidence; equal confidences keep the order in which
     * they were added (a stable sort).
     */
    boolean[] ranked() {
        Integer[] order = order();
        boolean[] out = new boolean[size];
        for (int i = 0; i < size; i++) {
            out[i] = truePositive[order[i]];
        }
        return out;
    }

    /** The confidences in the order of {@link #ranked()} (descending). */
    double[] rankedConfidences() {
        Integer[] order = order();
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = confidence[order[i]];
        }
        return out;
    }

    /** Indices by descending confidence, equal confidences in the order added (a stable sort). */
    private Integer[] order() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(confidence[b], confidence[a]));
        return order;
    }
}
