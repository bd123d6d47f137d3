package org.hpacell.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.LossValue;
import org.hpacell.train.loss.Objective;
import org.hpacell.train.loss.TrainingStep;
import org.hpacell.train.optim.Optimiser;

/**
 * One optimisation step: the objective's loss inside a gradient scope, back-propagation, the optimiser
 * update. The caller owns the batch's manager and closes it after the step.
 *
 * <p>Memory: DJL keeps a Java handle on every intermediate array of the forward pass until its manager
 * closes, and a handle keeps the native tensor alive. PyTorch instead frees a tensor as soon as no
 * Python variable and no autograd node refers to it, and frees the tensors autograd saved as the
 * backward pass consumes them. To get the same behaviour, the handles of every intermediate array are
 * closed between the forward and the backward pass (the tensors autograd saved stay alive through
 * autograd's own references, and are freed during backward as in PyTorch). Only the loss, its parts
 * and the batch's own arrays are kept.
 */
public final class StepRunner {
    private final Network network;
    private final Objective objective;
    private final Optimiser optimiser;
    private StepPhases lastPhases;

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
        ClockReading start = ClockReading.now();
        ClockReading forward;
        ClockReading backward;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            LossValue value = objective.trainingLoss(network, batch, step);
            releaseIntermediates(batch, value);
            forward = ClockReading.now();
            gc.backward(value.total());
            backward = ClockReading.now();
            loss = value.total().getFloat();
            for (Map.Entry<String, NDArray> e : value.parts().entrySet()) {
                partSums.merge(e.getKey(), (double) e.getValue().getFloat(), Double::sum);
            }
        }
        optimiser.step(step.learningRate());
        lastPhases = new StepPhases(forward.since(start), backward.since(forward), backward.elapsed());
        return loss;
    }

    /** The phases of the last {@link #run step} (null before the first). */
    public StepPhases lastPhases() {
        return lastPhases;
    }

    /** Closes the handles of every array of the batch's manager except the batch's and the loss's. */
    private static void releaseIntermediates(TrainBatch batch, LossValue value) {
        Set<NDArray> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.add(batch.images());
        keep.add(batch.targets());
        keep.addAll(batch.extras().values());
        keep.add(value.total());
        keep.addAll(value.parts().values());
        for (NDArray a : batch.images().getManager().getManagedArrays()) {
            if (!keep.contains(a)) {
                a.close();
            }
        }
    }
}
