package org.hpacell.cam.fcan;

import ai.djl.ndarray.NDArray;
import org.hpacell.train.loss.ClassificationLoss;

/**
 * The symmetric Lovasz hinge (Berman et al. 2018, as Kaggle solutions use it): the Lovasz extension
 * of the Jaccard loss on hinge errors, averaged with the same loss on the negated problem
 * ({@code -logits}, {@code 1 - targets}), so positives and negatives count alike. Computed over all
 * (sample, class) elements of the batch as one set.
 *
 * <p>For errors {@code e = 1 - x s} (with signs {@code s = 2y - 1}) sorted in decreasing order, the loss
 * is {@code sum_r relu(e_(r)) g_r} where {@code g} is the discrete gradient of the Jaccard loss along
 * the sorted ground truth. The ordering and {@code g} do not depend on the logits differentiably, so they
 * are computed on the host from one read-back of the errors; the loss stays differentiable in the logits.
 */
public final class SymmetricLovaszHinge implements ClassificationLoss {
    @Override
    public NDArray compute(NDArray logits, NDArray targets) {
        NDArray x = logits.flatten();
        NDArray y = targets.flatten();
        NDArray positive = hinge(x, y, y.toFloatArray());
        float[] flipped = y.toFloatArray();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = 1 - flipped[i];
        }
        NDArray negative = hinge(x.neg(), y.neg().add(1f), flipped);
        return positive.add(negative).mul(0.5f);
    }

    /** The Lovasz hinge of flat logits {@code x} and 0/1 labels {@code y} (also given as {@code labels}). */
    private static NDArray hinge(NDArray x, NDArray y, float[] labels) {
        NDArray errors = x.mul(y.mul(2f).sub(1f)).neg().add(1f);
        float[] e = errors.toFloatArray();
        Integer[] order = new Integer[e.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(e[b], e[a]));
        float[] weights = new float[e.length];
        double[] g = jaccardGradient(order, labels);
        for (int r = 0; r < order.length; r++) {
            weights[order[r]] = (float) g[r];
        }
        NDArray w = errors.getManager().create(weights);
        return errors.maximum(0f).mul(w).sum();
    }

    /** The discrete gradient of the Jaccard loss along the labels sorted by {@code order}. */
    static double[] jaccardGradient(Integer[] order, float[] labels) {
        double positives = 0;
        for (float v : labels) {
            positives += v;
        }
        double[] jaccard = new double[order.length];
        double cumGt = 0, cumNotGt = 0;
        for (int r = 0; r < order.length; r++) {
            float gt = labels[order[r]];
            cumGt += gt;
            cumNotGt += 1 - gt;
            double intersection = positives - cumGt;
            double union = positives + cumNotGt;
            jaccard[r] = 1 - intersection / union;
        }
        for (int r = order.length - 1; r > 0; r--) {
            jaccard[r] -= jaccard[r - 1];
        }
        return jaccard;
    }
}
