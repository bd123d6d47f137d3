package org.hpacell.train.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;
import org.hpacell.train.Network;
import org.hpacell.train.data.TrainBatch;

/** The plain image classifier: one forward pass, the classification loss on the logits. */
public final class ClassifierObjective implements Objective {
    private final ClassificationLoss loss;

    public ClassifierObjective(ClassificationLoss loss) {
        this.loss = loss;
    }

    @Override
    public LossValue trainingLoss(Network network, TrainBatch batch, TrainingStep step) {
        NDList out = network.forward(batch.images(), true);
        NDArray cls = loss.compute(out.get(0), batch.targets());
        return new LossValue(cls, Map.of());
    }

    @Override
    public NDArray validationLoss(NDArray logits, NDArray targets) {
        return loss.compute(logits, targets);
    }
}
