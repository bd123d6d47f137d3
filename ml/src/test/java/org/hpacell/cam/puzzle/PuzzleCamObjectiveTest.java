package org.hpacell.cam.puzzle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.hpacell.cam.TinyCamNet;
import org.hpacell.train.Network;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.BinaryCrossEntropy;
import org.hpacell.train.loss.LossValue;
import org.hpacell.train.loss.TrainingStep;
import org.junit.jupiter.api.Test;

class PuzzleCamObjectiveTest {
    @Test
    void alphaRampsLinearlyOverTheFirstHalf() {
        AlphaRamp r = AlphaRamp.standard();
        assertEquals(0, r.at(0), 1e-12);
        assertEquals(2, r.at(0.25), 1e-12);
        assertEquals(4, r.at(0.5), 1e-12);
        assertEquals(4, r.at(0.9), 1e-12);
        assertEquals(3, new AlphaRamp(3, 0).at(0), 1e-12);
    }

    @Test
    void lossIsTheSumOfItsPartsAndTrainsTheNetwork() {
        Engine.getEngine("PyTorch").setRandomSeed(2);
        try (NDManager root = NDManager.newBaseManager()) {
            TinyCamNet net = new TinyCamNet(4, 19, 6);
            Network network = new Network(net, root, 16, 2);
            try (NDManager m = root.newSubManager()) {
                NDArray images = m.randomUniform(0f, 1f, new Shape(2, 4, 16, 16));
                float[] t = new float[2 * 19];
                t[3] = 1;
                t[19 + 7] = 1;
                t[19 + 0] = 1;
                TrainBatch batch = new TrainBatch(images, m.create(t, new Shape(2, 19)), List.of(), Map.of());
                PuzzleCamObjective objective = new PuzzleCamObjective(new BinaryCrossEntropy(), AlphaRamp.standard());
                TrainingStep step = new TrainingStep(0, 25, 100, 1e-3);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    LossValue v = objective.trainingLoss(network, batch, step);
                    float cls = v.parts().get("cls").getFloat();
                    float puzzle = v.parts().get("puzzle_cls").getFloat();
                    float rec = v.parts().get("reconstruction").getFloat();
                    assertTrue(rec > 0, "3x3 convolutions see the tile borders, so tiles differ: " + rec);
                    assertEquals(cls + puzzle + 2 * rec, v.total().getFloat(), 1e-5f);
                    gc.backward(v.total());
                }
                NDArray grad = net.classifierWeight().getGradient();
                assertTrue(grad.abs().sum().getFloat() > 0, "the classifier receives a gradient");
            }
        }
    }
}
