package org.hpacell.train.loss;

import ai.djl.ndarray.NDArray;

/**
 * Sigmoid focal loss (Lin et al. 2017), as torchvision's {@code sigmoid_focal_loss} with mean reduction:
 * {@code bce(x, y) * (1 - p_t)^gamma}, with {@code p = sigmoid(x)}, {@code p_t = p y + (1 - p)(1 - y)},
 * optionally weighted by {@code alpha_t = alpha y + (1 - alpha)(1 - y)} when {@code alpha >= 0}.
 */
public final class FocalLoss implements ClassificationLoss {
    private final float gamma;
    private final float alpha;

    /**
     * @param gamma focusing parameter (2 in the paper; 0 gives BCE)
     * @param alpha weight of positives in [0, 1], or negative for none
     */
    public FocalLoss(double gamma, double alpha) {
        this.gamma = (float) gamma;
        this.alpha = (float) alpha;
    }

    @Override
    public NDArray compute(NDArray logits, NDArray targets) {
        NDArray bce = BinaryCrossEntropy.elementwise(logits, targets);
        NDArray p = logits.getNDArrayInternal().sigmoid();
        // 1 - p_t = p + y - 2 p y
        NDArray oneMinusPt = p.add(targets).sub(p.mul(targets).mul(2f));
        NDArray loss = bce.mul(oneMinusPt.pow(gamma));
        if (alpha >= 0) {
            loss = loss.mul(targets.mul(2 * alpha - 1).add(1 - alpha));
        }
        return loss.mean();
    }
}
