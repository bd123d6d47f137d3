package org.hpacell.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** torchvision's momentum 0.1 (PyTorch convention) moves the running mean by a tenth of the batch mean. */
class BatchNormConventionTest {

    @Test
    void oneTrainingStepMovesRunningMeanByATenthOfTheBatchMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            TorchBatchNorm bn = TorchLayers.batchNorm();
            bn.initialize(m, DataType.FLOAT32, new Shape(4, 1, 2, 2));
            // channel values 3.0 everywhere: batch mean 3, running mean starts at 0
            bn.forward(new ParameterStore(m, false), new NDList(m.full(new Shape(4, 1, 2, 2), 3f)), true);
            float runningMean = bn.getParameters().get("runningMean").getArray().getFloat(0);
            // PyTorch: running = (1 - 0.1) * 0 + 0.1 * 3
            assertEquals(0.3f, runningMean, 1e-6f);
        }
    }
}
