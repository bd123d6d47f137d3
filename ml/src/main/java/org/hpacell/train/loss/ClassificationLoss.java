package org.hpacell.train.loss;

import ai.djl.ndarray.NDArray;

/** A multi-label loss on logits, averaged over every (sample, class) element to a scalar. */
@FunctionalInterface
public interface ClassificationLoss {
    /**
     * @param logits  {@code (N, K)} raw scores
     * @param targets {@code (N, K)} targets in [0, 1] (soft targets allowed)
     * @return a scalar array, differentiable with respect to {@code logits}
     */
    NDArray compute(NDArray logits, NDArray targets);
}
