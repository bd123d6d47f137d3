package org.hpacell.cam.fcan;

import ai.djl.ndarray.NDArray;
import org.hpacell.train.loss.BinaryCrossEntropy;
import org.hpacell.train.loss.ClassificationLoss;

/**
 * Online hard-example mining on binary cross-entropy: the elementwise BCE of every (sample, class)
 * pair, of which only the largest {@code fraction} (at least one) are averaged, so easy negatives
 * (most of the 19 classes of most images) stop dominating the gradient.
 */
public final class HardExampleBce implements ClassificationLoss {
    /** The default share of elements kept. */
    public static final double DEFAULT_FRACTION = 0.25;

    private final double fraction;

    /** @param fraction share of the (sample, class) elements kept, in (0, 1] */
    public HardExampleBce(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("hard-example fraction must be in (0, 1], got " + fraction);
        }
        this.fraction = fraction;
    }

    @Override
    public NDArray compute(NDArray logits, NDArray targets) {
        NDArray bce = BinaryCrossEntropy.elementwise(logits, targets).flatten();
        int n = (int) bce.size();
        int k = Math.max(1, (int) Math.ceil(fraction * n));
        return bce.topK(k, 0, true, false).get(0).mean();
    }
}
