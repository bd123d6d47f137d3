package org.hpacell.train.loss;

import ai.djl.ndarray.NDArray;
import org.hpacell.train.Network;
import org.hpacell.train.data.TrainBatch;

/**
 * Plug-in point: what one training step minimises. The engine calls {@link #trainingLoss} inside a
 * gradient scope and back-propagates {@link LossValue#total()}; the objective may run the network as
 * often as it needs (Puzzle-CAM runs it on the full images and on their tiles), use the feature maps
 * and the classifier weights ({@link Network#classifier()}), and read extra inputs its
 * {@link org.hpacell.train.data.BatchBuilder} put in the batch.
 *
 * <p>Every array created must hang off the batch's manager (the default for results of operations on
 * the batch's arrays), which the engine closes after the step.
 */
public interface Objective {
    /** The training loss of one batch; {@code network} runs in training mode. */
    LossValue trainingLoss(Network network, TrainBatch batch, TrainingStep step);

    /**
     * Whether the engine's image-level validation (loss and macro AP of the logits against the image
     * labels on the held-out fields) applies. Objectives whose networks predict no image labels (e.g. the
     * HPA-style segmentation networks) return false: their runs log the training loss only and keep each
     * epoch's weights as the best.
     */
    default boolean imageLevelValidation() {
        return true;
    }

    /** The image-level validation loss, from the logits of un-augmented fields. */
    NDArray validationLoss(NDArray logits, NDArray targets);
}
