package org.hpacell.metric;

import java.util.Arrays;
import org.hpacell.atlas.Location;

/**
 * The precision-recall curve of one class: after the k-th ranked detection (most confident first),
 * {@code precision[k] = TP(k) / (k + 1)} and {@code recall[k] = TP(k) / truthInstances}, with the
 * detection's confidence as the threshold that gives that point. These are the raw points
 * {@link AveragePrecision} takes; {@link #interpolatedPrecision()} is the non-increasing envelope whose
 * area (over the recall steps) is the AP.
 *
 * @param location       the class
 * @param truthInstances ground-truth cells of the class (positive)
 * @param recall         recall after each ranked detection (non-decreasing)
 * @param precision      precision after each ranked detection
 * @param confidence     each ranked detection's confidence (non-increasing)
 */
public record PrecisionRecallCurve(Location location, long truthInstances, double[] recall, double[] precision,
                                   double[] confidence) {

    public PrecisionRecallCurve {
        if (truthInstances <= 0) {
            throw new IllegalArgumentException("a curve needs ground truth, got " + truthInstances + " instances");
        }
        if (recall.length != precision.length || recall.length != confidence.length) {
            throw new IllegalArgumentException("recall, precision and confidence differ in length: "
                    + recall.length + ", " + precision.length + ", " + confidence.length);
        }
        recall = recall.clone();
        precision = precision.clone();
        confidence = confidence.clone();
    }

    /**
     * The curve of ranked detections.
     *
     * @param truePositive whether each ranked detection is a true positive
     * @param confidence   each ranked detection's confidence
     */
    static PrecisionRecallCurve of(Location location, boolean[] truePositive, double[] confidence,
                                   long truthInstances) {
        int n = truePositive.length;
        double[] recall = new double[n];
        double[] precision = new double[n];
        long tp = 0;
        for (int i = 0; i < n; i++) {
            if (truePositive[i]) {
                tp++;
            }
            precision[i] = (double) tp / (i + 1);
            recall[i] = (double) tp / truthInstances;
        }
        return new PrecisionRecallCurve(location, truthInstances, recall, precision, confidence);
    }

    /** Number of points (scored detections). */
    public int size() {
        return recall.length;
    }

    /** A copy of the recall values. */
    @Override
    public double[] recall() {
        return recall.clone();
    }

    /** A copy of the precision values. */
    @Override
    public double[] precision() {
        return precision.clone();
    }

    /** A copy of the confidences. */
    @Override
    public double[] confidence() {
        return confidence.clone();
    }

    /**
     * The precision made non-increasing from the right ({@code p[k] = max(p[k], p[k+1])}), as Pascal VOC
     * interpolates it: the best precision reachable at recall {@code recall[k]} or more.
     */
    public double[] interpolatedPrecision() {
        double[] p = precision.clone();
        for (int i = p.length - 2; i >= 0; i--) {
            p[i] = Math.max(p[i], p[i + 1]);
        }
        return p;
    }

    /** The largest recall reached (0 with no detections). */
    public double maxRecall() {
        return recall.length == 0 ? 0 : recall[recall.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrecisionRecallCurve c && location == c.location && truthInstances == c.truthInstances
                && Arrays.equals(recall, c.recall) && Arrays.equals(precision, c.precision)
                && Arrays.equals(confidence, c.confidence);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * location.hashCode() + Arrays.hashCode(recall)) + Arrays.hashCode(precision);
    }

    @Override
    public String toString() {
        return "PrecisionRecallCurve[" + location + ", " + truthInstances + " truth, " + size() + " points, recall "
                + maxRecall() + "]";
    }
}
