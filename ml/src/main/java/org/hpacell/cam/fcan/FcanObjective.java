package org.hpacell.cam.fcan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
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
 * The FCAN objective: {@code cls(full) + cls(puzzle) + w * L2(full features - merged piece features)}.
 *
 * <p>The four pieces of each field ({@link FcanBatchBuilder}) go through the network as one batch of
 * 4N. Their feature maps are merged in the field's frame: at each feature location, each piece's
 * features are weighted by the share of that location's input pixels the piece owns (the ownership
 * average-pooled to the feature grid), so a location inside a chosen cell takes that cell's piece's
 * features and one on a cell border mixes them. The puzzle logits are the classifier applied to the
 * global average of the merged features; the L2 term is the mean squared difference of the feature maps.
 */
public final class FcanObjective implements Objective {
    /** Registry name of this objective in training configs. */
    public static final String NAME = "fcan";

    private final ClassificationLoss cls;
    private final float featureWeight;

    /**
     * @param cls           the classification loss of the full and the puzzle logits
     * @param featureWeight weight of the L2 feature term (1 by default)
     */
    public FcanObjective(ClassificationLoss cls, double featureWeight) {
        this.cls = cls;
        this.featureWeight = (float) featureWeight;
    }

    /**
     * From {@code objective.options}: {@code cls} ({@code config} = the config's loss, focal by default;
     * {@code hard-bce}, {@code lovasz}, or {@code winner} = 0.5 focal + 0.5 Lovasz + 0.5 hard-example BCE),
     * {@code hardFraction} (0.25) and {@code featureWeight} (1).
     */
    public static FcanObjective of(TrainConfig config, ClassificationLoss configured) {
        Object name = config.objective.options.getOrDefault("cls", "config");
        double fraction = config.objective.number("hardFraction", HardExampleBce.DEFAULT_FRACTION);
        ClassificationLoss hard = new HardExampleBce(fraction);
        ClassificationLoss lovasz = new SymmetricLovaszHinge();
        ClassificationLoss cls = switch (String.valueOf(name)) {
            case "config" -> configured;
            case "hard-bce" -> hard;
            case "lovasz" -> lovasz;
            case "winner" -> (x, y) -> configured.compute(x, y).add(lovasz.compute(x, y)).add(hard.compute(x, y)).mul(0.5f);
            default -> throw new IllegalArgumentException("objective fcan: unknown cls '" + name
                    + "' (config, hard-bce, lovasz, winner)");
        };
        return new FcanObjective(cls, config.objective.number("featureWeight", 1));
    }

    @Override
    public LossValue trainingLoss(Network network, TrainBatch batch, TrainingStep step) {
        NDArray puzzle = batch.extras().get(FcanBatchBuilder.PUZZLE);
        NDArray owner = batch.extras().get(FcanBatchBuilder.OWNER);
        if (puzzle == null || owner == null) {
            throw new IllegalStateException("objective fcan needs the cell-puzzle batch builder (batchBuilder.name = "
                    + FcanBatchBuilder.NAME + ")");
        }
        NDList full = network.forward(batch.images(), true);
        NDArray features = full.get(1);
        NDArray merged = merge(network.forward(puzzle, true).get(1), owner, features.getShape());
        NDArray weight = network.classifier().classifierWeight();
        NDArray puzzleLogits = ClassActivation.globalAverage(ClassActivation.maps(merged, weight))
                .add(network.classifier().classifierBias());
        NDArray targets = batch.targets();
        NDArray clsFull = cls.compute(full.get(0), targets);
        NDArray clsPuzzle = cls.compute(puzzleLogits, targets);
        NDArray l2 = features.sub(merged).square().mean();
        Map<String, NDArray> parts = new LinkedHashMap<>();
        parts.put("cls", clsFull);
        parts.put("puzzle_cls", clsPuzzle);
        parts.put("feature_l2", l2);
        return new LossValue(clsFull.add(clsPuzzle).add(l2.mul(featureWeight)), parts);
    }

    /**
     * Merges tile-major piece features {@code (4N, K, h, w)} with the pixel ownership {@code (N, 4, S, S)}
     * into {@code (N, K, h, w)}.
     */
    static NDArray merge(NDArray pieceFeatures, NDArray owner, Shape fullShape) {
        long n = fullShape.get(0), k = fullShape.get(1), h = fullShape.get(2), w = fullShape.get(3);
        long size = owner.getShape().get(2);
        if (size % h != 0 || owner.getShape().get(3) % w != 0) {
            throw new IllegalArgumentException("image side " + size + " is not a multiple of the feature side " + h);
        }
        Shape kernel = new Shape(size / h, owner.getShape().get(3) / w);
        NDArray share = Pool.avgPool2d(owner, kernel, kernel, new Shape(0, 0), false, true); // (N, 4, h, w)
        NDArray byPiece = pieceFeatures.reshape(CellPuzzle.PIECES, n, k, h, w);
        NDArray weights = share.transpose(1, 0, 2, 3).expandDims(2); // (4, N, 1, h, w)
        return byPiece.mul(weights).sum(new int[] {0});
    }

    @Override
    public NDArray validationLoss(NDArray logits, NDArray targets) {
        return cls.compute(logits, targets);
    }
}
