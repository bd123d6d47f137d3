package org.hpacell.metric;

/**
 * Pascal VOC all-point average precision, as the TensorFlow Object Detection API computes it
 * ({@code metrics.compute_precision_recall} and {@code compute_average_precision}).
 */
public final class AveragePrecision {
    private AveragePrecision() {
    }

    /**
     * The AP of detections already in ranking order (most confident first).
     *
     * <p>Precision and recall are taken after each detection; the curve is bracketed by the points
     * (recall 0, precision 0) and (recall 1, precision 0); precision is made non-increasing from the right
     * ({@code p[i] = max(p[i], p[i+1])}); AP is the sum of {@code (r[i] - r[i-1]) * p[i]} over the points
     * where recall changes. No detections gives AP 0.
     *
     * @param truePositive whether each ranked detection is a true positive
     * @param count        how many of {@code truePositive} to use
     * @param truthCount   ground-truth instances of the class (positive)
     */
    public static double compute(boolean[] truePositive, int count, long truthCount) {
        if (truthCount <= 0) {
            throw new IllegalArgumentException("AP needs ground truth, got " + truthCount + " instances");
        }
        double[] recall = new double[count + 2];
        double[] precision = new double[count + 2];
        long tp = 0;
        for (int i = 0; i < count; i++) {
            if (truePositive[i]) {
                tp++;
            }
            precision[i + 1] = (double) tp / (i + 1);
            recall[i + 1] = (double) tp / truthCount;
        }
        recall[count + 1] = 1.0;
        for (int i = count; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double ap = 0;
        for (int i = 1; i < recall.length; i++) {
            if (recall[i] != recall[i - 1]) {
                ap += (recall[i] - recall[i - 1]) * precision[i];
            }
        }
        return ap;
    }
}
