package org.hpacell.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.LossValue;
import org.hpacell.train.loss.Objective;
import org.hpacell.train.loss.TrainingStep;
import org.hpacell.train.optim.Optimiser;

/**
 * One optimisation step: the objective's loss inside a gradient scope, back-propagation, the optimiser
 * update. The caller owns the batch's manager and closes it after the step, which frees every
 * intermediate array of the forward and backward passes.
 */
public final class StepRunner {
    private final Network network;
    private final Objective objective;
    private final Optimiser optimiser;

    public StepRunner(Network network, Objective objective, Optimiser optimiser) {
        this.network = network;
        this.objective = objective;
        this.optimiser = optimiser;
    }

    /**
     * Runs one step.
     *
     * @param partSums the objective's loss parts of this step are added here by name
     * @return the step's total loss
     */
    public float run(TrainBatch batch, TrainingStep step, Map<String, Double> partSums) {
        float loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            LossValue value = objective.trainingLoss(network, batch, step);
            gc.backward(value.total());
            loss = value.total().getFloat();
            for (Map.Entry<String, NDArray> e : value.parts().entrySet()) {
                partSums.merge(e.getKey(), (double) e.getValue().getFloat(), Double::sum);
            }
        }
        optimiser.step(step.learningRate());
        return loss;
    }
}
