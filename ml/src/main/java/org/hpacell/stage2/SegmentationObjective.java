package org.hpacell.stage2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;
import org.hpacell.train.Network;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.ClassificationLoss;
import org.hpacell.train.loss.LossValue;
import org.hpacell.train.loss.Objective;
import org.hpacell.train.loss.TrainingStep;

/**
 * The semantic segmenter's objective: the configured loss (focal by default) between the per-pixel
 * logit maps of a {@link SegmenterClassifier} and the pixel pseudo labels
 * ({@link PixelTargetBatchBuilder#PIXEL_TARGETS}), averaged over pixels and classes. The engine's
 * image-level validation uses the mean logits against the image labels.
 */
public final class SegmentationObjective implements Objective {
    private final ClassificationLoss loss;

    public SegmentationObjective(ClassificationLoss loss) {
        this.loss = loss;
    }

    @Override
    public LossValue trainingLoss(Network network, TrainBatch batch, TrainingStep step) {
        NDArray targets = batch.extras().get(PixelTargetBatchBuilder.PIXEL_TARGETS);
        if (targets == null) {
            throw new IllegalArgumentException("the segmentation objective needs the pixel-target batch builder");
        }
        NDList out = network.forward(batch.images(), true);
        NDArray maps = out.get(1);
        if (!maps.getShape().equals(targets.getShape())) {
            throw new IllegalArgumentException("the network's maps " + maps.getShape() + " do not match the pixel targets "
                    + targets.getShape() + " (train a SegmenterClassifier, unet-ENCODER)");
        }
        return new LossValue(loss.compute(maps, targets), Map.of());
    }

    @Override
    public NDArray validationLoss(NDArray logits, NDArray targets) {
        return loss.compute(logits, targets);
    }
}
