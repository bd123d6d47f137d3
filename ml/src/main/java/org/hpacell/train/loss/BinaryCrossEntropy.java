package org.hpacell.train.loss;

import ai.djl.ndarray.NDArray;

/**
 * Binary cross-entropy on logits, in the numerically stable form
 * {@code max(x, 0) - x * y + log(1 + exp(-|x|))}, averaged over all elements (PyTorch's
 * {@code binary_cross_entropy_with_logits} with mean reduction).
 */
public final class BinaryCrossEntropy implements ClassificationLoss {
    @Override
    public NDArray compute(NDArray logits, NDArray targets) {
        return elementwise(logits, targets).mean();
    }

    /** The unreduced loss per element. */
    public static NDArray elementwise(NDArray x, NDArray y) {
        return x.maximum(0f).sub(x.mul(y)).add(x.abs().neg().exp().add(1f).log());
    }
}
