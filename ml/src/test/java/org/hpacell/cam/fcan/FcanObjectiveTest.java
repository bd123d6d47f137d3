package org.hpacell.cam.fcan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.cam.TinyCamNet;
import org.hpacell.train.Network;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.BinaryCrossEntropy;
import org.hpacell.train.loss.LossValue;
import org.hpacell.train.loss.TrainingStep;
import org.junit.jupiter.api.Test;

class FcanObjectiveTest {
    private static final int S = 8;

    /** A sample whose cells are 2-pixel-wide vertical stripes 1..4. */
    private static PreparedSample sample(String id, int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[4 * S * S];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) r.nextDouble() + 0.1f;
        }
        int[] cells = new int[S * S];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = 1 + (i % S) / 2;
        }
        float[] target = new float[19];
        target[seed % 19] = 1;
        return new PreparedSample(id, px, S, target, cells);
    }

    @Test
    void theBatchHoldsEachFieldsPuzzleTileMajor() {
        List<PreparedSample> samples = List.of(sample("a", 1), sample("b", 2));
        try (NDManager m = NDManager.newBaseManager()) {
            TrainBatch batch = new FcanBatchBuilder().build(samples, m, new SplittableRandom(9));
            NDArray puzzle = batch.extras().get(FcanBatchBuilder.PUZZLE);
            NDArray owner = batch.extras().get(FcanBatchBuilder.OWNER);
            assertEquals(new Shape(8, 4, S, S), puzzle.getShape());
            assertEquals(new Shape(2, 4, S, S), owner.getShape());
            SplittableRandom same = new SplittableRandom(9);
            CellPuzzle a = CellPuzzle.build(samples.get(0).pixels(), 4, S, samples.get(0).cells(), same);
            CellPuzzle b = CellPuzzle.build(samples.get(1).pixels(), 4, S, samples.get(1).cells(), same);
            for (int t = 0; t < 4; t++) {
                assertArrayEquals(a.pieces()[t], puzzle.get(t * 2).toFloatArray());
                assertArrayEquals(b.pieces()[t], puzzle.get(t * 2 + 1).toFloatArray());
            }
            // ownership is one-hot per pixel
            float[] sum = owner.sum(new int[] {1}).toFloatArray();
            for (float v : sum) {
                assertEquals(1f, v);
            }
            PreparedSample noCells = new PreparedSample("c", new float[4 * S * S], S, new float[19], null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FcanBatchBuilder().build(List.of(noCells), m, new SplittableRandom(1)));
            assertTrue(e.getMessage().startsWith("field c:"), e.getMessage());
        }
    }

    @Test
    void mergeWeightsEachPieceByTheShareOfPixelsItOwns() {
        try (NDManager m = NDManager.newBaseManager()) {
            // N = 1, K = 1, image 4x4, features 2x2; piece t has features all equal to 10^t
            float[] pf = new float[4 * 4];
            for (int t = 0; t < 4; t++) {
                java.util.Arrays.fill(pf, t * 4, t * 4 + 4, (float) Math.pow(10, t));
            }
            float[] owner = new float[4 * 16];
            int[] own = {
                0, 0, 1, 3,
                0, 0, 1, 3,
                3, 3, 2, 2,
                3, 3, 2, 3};
            for (int p = 0; p < 16; p++) {
                owner[own[p] * 16 + p] = 1;
            }
            NDArray merged = FcanObjective.merge(m.create(pf, new Shape(4, 1, 2, 2)),
                    m.create(owner, new Shape(1, 4, 4, 4)), new Shape(1, 1, 2, 2));
            assertArrayEquals(new float[] {1f, (10 + 1000) / 2f, 1000f, (3 * 100 + 1000) / 4f},
                    merged.toFloatArray(), 1e-3f);
        }
    }

    @Test
    void lossIsTheSumOfItsPartsAndTrainsTheNetwork() {
        Engine.getEngine("PyTorch").setRandomSeed(4);
        try (NDManager root = NDManager.newBaseManager()) {
            TinyCamNet net = new TinyCamNet(4, 19, 6);
            Network network = new Network(net, root, S, 4);
            try (NDManager m = root.newSubManager()) {
                TrainBatch batch = new FcanBatchBuilder().build(List.of(sample("a", 1), sample("b", 2)), m,
                        new SplittableRandom(3));
                FcanObjective objective = new FcanObjective(new BinaryCrossEntropy(), 2);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    LossValue v = objective.trainingLoss(network, batch, new TrainingStep(0, 0, 10, 1e-3));
                    float l2 = v.parts().get("feature_l2").getFloat();
                    assertTrue(l2 > 0);
                    assertEquals(v.parts().get("cls").getFloat() + v.parts().get("puzzle_cls").getFloat() + 2 * l2,
                            v.total().getFloat(), 1e-5f);
                    gc.backward(v.total());
                }
                assertTrue(net.classifierWeight().getGradient().abs().sum().getFloat() > 0);
            }
        }
    }
}
