package org.hpacell.cam.puzzle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpacell.cam.ClassActivation;
import org.hpacell.train.Network;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.ClassificationLoss;
import org.hpacell.train.loss.LossValue;
import org.hpacell.train.loss.Objective;
import org.hpacell.train.loss.TrainingStep;

/**
 * The Puzzle-CAM objective: {@code cls(full) + cls(GAP of merged) + alpha * L1(full maps - merged maps)}.
 *
 * <p>The images go through the network whole and as 2x2 tiles ({@link PuzzleTiles}, one batch of 4N);
 * the tiles' class maps ({@link ClassActivation#maps}, before ReLU) are merged back into one map per
 * image, whose global average plus the classifier bias are the merged logits. The reconstruction term
 * is the mean over every (image, class, location) of {@code |full - merged|} multiplied by the image's
 * target, so only the ground-truth classes count (as the reference code's "masking" option does).
 * Alpha follows an {@link AlphaRamp}. Works with the default batch builder ({@code images}): the tiles
 * are cut from the batch on the native side. Image sides must be multiples of twice the network's output
 * stride so that tile maps merge to the full map's size.
 */
public final class PuzzleCamObjective implements Objective {
    /** Registry name of this objective in training configs. */
    public static final String NAME = "puzzle";

    private final ClassificationLoss cls;
    private final AlphaRamp alpha;

    public PuzzleCamObjective(ClassificationLoss cls, AlphaRamp alpha) {
        this.cls = cls;
        this.alpha = alpha;
    }

    /** From {@code objective.options}: {@code alpha} (default 4) and {@code alphaRamp} (default 0.5). */
    public static PuzzleCamObjective of(TrainConfig config, ClassificationLoss cls) {
        return new PuzzleCamObjective(cls, new AlphaRamp(config.objective.number("alpha", 4),
                config.objective.number("alphaRamp", 0.5)));
    }

    @Override
    public LossValue trainingLoss(Network network, TrainBatch batch, TrainingStep step) {
        return given(network, batch, step, network.forward(batch.images(), true));
    }

    /** The loss when the full images' forward pass {@code full} (logits, features) is already done. */
    public LossValue given(Network network, TrainBatch batch, TrainingStep step, NDList full) {
        NDArray weight = network.classifier().classifierWeight();
        NDArray bias = network.classifier().classifierBias();
        NDArray fullMaps = ClassActivation.maps(full.get(1), weight);
        NDList tiles = network.forward(PuzzleTiles.tile(batch.images()), true);
        NDArray mergedMaps = PuzzleTiles.merge(ClassActivation.maps(tiles.get(1), weight));
        if (!mergedMaps.getShape().equals(fullMaps.getShape())) {
            throw new IllegalArgumentException("Puzzle-CAM: merged tile maps " + mergedMaps.getShape()
                    + " differ from the full maps " + fullMaps.getShape()
                    + "; use an image size that is a multiple of twice the network's output stride");
        }
        NDArray mergedLogits = ClassActivation.globalAverage(mergedMaps).add(bias);
        NDArray targets = batch.targets();
        NDArray clsFull = cls.compute(full.get(0), targets);
        NDArray clsPuzzle = cls.compute(mergedLogits, targets);
        NDArray mask = targets.expandDims(2).expandDims(3);
        NDArray reconstruction = fullMaps.sub(mergedMaps).abs().mul(mask).mean();
        float a = (float) alpha.at(step.progress());
        NDArray total = clsFull.add(clsPuzzle).add(reconstruction.mul(a));
        Map<String, NDArray> parts = new LinkedHashMap<>();
        parts.put("cls", clsFull);
        parts.put("puzzle_cls", clsPuzzle);
        parts.put("reconstruction", reconstruction);
        return new LossValue(total, parts);
    }

    @Override
    public NDArray validationLoss(NDArray logits, NDArray targets) {
        return cls.compute(logits, targets);
    }
}
