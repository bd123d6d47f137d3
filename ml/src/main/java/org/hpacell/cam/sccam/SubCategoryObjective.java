package org.hpacell.cam.sccam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpacell.cam.puzzle.PuzzleCamObjective;
import org.hpacell.train.Network;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.BinaryCrossEntropy;
import org.hpacell.train.loss.ClassificationLoss;
import org.hpacell.train.loss.LossValue;
import org.hpacell.train.loss.Objective;
import org.hpacell.train.loss.TrainingStep;

/**
 * SC-CAM's objective: {@code parent + weight * subCategory}, where the sub-category term is the
 * multi-label soft-margin loss (the mean binary cross-entropy over every sub-category output, as
 * PyTorch's {@code MultiLabelSoftMarginLoss}) of the {@link SubCategoryClassifier}'s third output
 * against {@link SubCategoryBatchBuilder#SUB_TARGETS}. The parent term is the plain classification
 * loss, or the whole Puzzle-CAM loss (SC-CAM + Puzzle), computed on the same forward pass.
 */
public final class SubCategoryObjective implements Objective {
    /** The published weight of the sub-category loss. */
    public static final double DEFAULT_WEIGHT = 5;

    private final ClassificationLoss cls;
    private final PuzzleCamObjective puzzle;
    private final float weight;
    private final ClassificationLoss softMargin = new BinaryCrossEntropy();

    /**
     * @param cls    the parent classification loss
     * @param puzzle the Puzzle-CAM objective for SC-CAM + Puzzle, or null for plain SC-CAM
     * @param weight weight of the sub-category term (5)
     */
    public SubCategoryObjective(ClassificationLoss cls, PuzzleCamObjective puzzle, double weight) {
        this.cls = cls;
        this.puzzle = puzzle;
        this.weight = (float) weight;
    }

    @Override
    public LossValue trainingLoss(Network network, TrainBatch batch, TrainingStep step) {
        NDArray subTargets = batch.extras().get(SubCategoryBatchBuilder.SUB_TARGETS);
        if (subTargets == null) {
            throw new IllegalStateException("SC-CAM needs the sub-category batch builder");
        }
        NDList out = network.forward(batch.images(), true);
        if (out.size() < 3) {
            throw new IllegalStateException("SC-CAM needs a SubCategoryClassifier (forward gave " + out.size() + " outputs)");
        }
        Map<String, NDArray> parts = new LinkedHashMap<>();
        NDArray parent;
        if (puzzle == null) {
            parent = cls.compute(out.get(0), batch.targets());
            parts.put("cls", parent);
        } else {
            LossValue p = puzzle.given(network, batch, step, out);
            parent = p.total();
            parts.putAll(p.parts());
        }
        NDArray sub = softMargin.compute(out.get(2), subTargets);
        parts.put("subcategory", sub);
        return new LossValue(parent.add(sub.mul(weight)), parts);
    }

    @Override
    public NDArray validationLoss(NDArray logits, NDArray targets) {
        return cls.compute(logits, targets);
    }
}
