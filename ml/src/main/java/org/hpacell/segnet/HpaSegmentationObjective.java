package org.hpacell.segnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.hpacell.train.Network;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.LossValue;
import org.hpacell.train.loss.Objective;
import org.hpacell.train.loss.TrainingStep;

/**
 * The objective of the segmentation networks: softmax cross-entropy over HPA's three classes per pixel
 * (background, touching border, foreground; {@link HpaTargetBatchBuilder#CLASSES}), with the rare border
 * class weighted by {@code borderWeight}, averaged over pixels. The network's second output holds the
 * logit maps ({@link SegNets}).
 *
 * <p>Image-level validation does not apply (the networks have no image labels to predict):
 * {@link #imageLevelValidation()} is false, so runs log the training loss and keep the last epoch's
 * weights as the best. Held-out quality is measured on label images instead ({@code SegmentationBenchmark}).
 */
public final class HpaSegmentationObjective implements Objective {
    /** The registry name ({@code objective.name}). */
    public static final String NAME = "hpa-segmentation";
    /** Default weight of the touching-border class. */
    public static final double DEFAULT_BORDER_WEIGHT = 2.0;

    private final float borderWeight;

    public HpaSegmentationObjective(double borderWeight) {
        if (!(borderWeight > 0)) {
            throw new IllegalArgumentException("borderWeight must be positive, got " + borderWeight);
        }
        this.borderWeight = (float) borderWeight;
    }

    /** The objective with the config's {@code objective.options.borderWeight} (default 2). */
    public static HpaSegmentationObjective of(TrainConfig config) {
        return new HpaSegmentationObjective(config.objective.number("borderWeight", DEFAULT_BORDER_WEIGHT));
    }

    @Override
    public LossValue trainingLoss(Network network, TrainBatch batch, TrainingStep step) {
        NDArray targets = batch.extras().get(HpaTargetBatchBuilder.CLASSES);
        if (targets == null) {
            throw new IllegalArgumentException("the " + NAME + " objective needs the " + HpaTargetBatchBuilder.NAME
                    + " batch builder");
        }
        NDList out = network.forward(batch.images(), true);
        NDArray maps = out.get(1);
        if (!maps.getShape().equals(targets.getShape())) {
            throw new IllegalArgumentException("the network's maps " + maps.getShape() + " do not match the targets "
                    + targets.getShape() + " (train a segnet-... network)");
        }
        NDArray weights = maps.getManager().create(new float[] {1f, borderWeight, 1f}, new Shape(1, 3, 1, 1));
        NDArray perPixel = maps.logSoftmax(1).mul(targets).mul(weights).sum(new int[] {1});
        return new LossValue(perPixel.mean().neg(), Map.of());
    }

    @Override
    public boolean imageLevelValidation() {
        return false;
    }

    /**
     * Not called: {@link #imageLevelValidation()} is false.
     *
     * @throws IllegalStateException always, naming the reason
     */
    @Override
    public NDArray validationLoss(NDArray logits, NDArray targets) {
        throw new IllegalStateException(NAME + " has no image-level validation loss");
    }
}
