package org.hpacell.cam.fcan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.hpacell.train.loss.BinaryCrossEntropy;
import org.junit.jupiter.api.Test;

class FcanLossesTest {
    private static final float[] LOGITS = {2.0f, -0.5f, 0.3f, -1.5f, 0.8f, -0.2f};
    private static final float[] TARGETS = {1, 0, 1, 0, 0, 1};

    @Test
    void symmetricLovaszHingeMatchesTheFormula() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(LOGITS, new Shape(2, 3));
            NDArray y = m.create(TARGETS, new Shape(2, 3));
            // Hand-checked value of (hinge(x, y) + hinge(-x, 1 - y)) / 2 for these six elements.
            assertEquals(0.96f, new SymmetricLovaszHinge().compute(x, y).getFloat(), 1e-5f);
            // Every element on the right side with margin >= 1 costs nothing.
            NDArray confident = m.create(new float[] {3, -2, 1.5f, -4}, new Shape(2, 2));
            NDArray labels = m.create(new float[] {1, 0, 1, 0}, new Shape(2, 2));
            assertEquals(0f, new SymmetricLovaszHinge().compute(confident, labels).getFloat(), 1e-6f);
        }
    }

    @Test
    void lovaszHingeIsDifferentiable() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(LOGITS, new Shape(2, 3));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(new SymmetricLovaszHinge().compute(x, m.create(TARGETS, new Shape(2, 3))));
            }
            float[] g = x.getGradient().toFloatArray();
            assertTrue(g[2] < 0, "a positive with a small margin is pushed up");
            assertTrue(g[4] > 0, "a negative with a positive logit is pushed down");
        }
    }

    @Test
    void hardExampleBceAveragesTheHardestElements() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(LOGITS, new Shape(2, 3));
            NDArray y = m.create(TARGETS, new Shape(2, 3));
            assertEquals(new BinaryCrossEntropy().compute(x, y).getFloat(), new HardExampleBce(1).compute(x, y).getFloat(), 1e-6f);
            float[] each = BinaryCrossEntropy.elementwise(x, y).toFloatArray();
            float max = 0;
            for (float v : each) {
                max = Math.max(max, v);
            }
            assertEquals(max, new HardExampleBce(0.1).compute(x, y).getFloat(), 1e-6f);
            float[] sorted = each.clone();
            java.util.Arrays.sort(sorted);
            assertEquals((sorted[5] + sorted[4]) / 2, new HardExampleBce(1.0 / 3).compute(x, y).getFloat(), 1e-6f);
        }
    }
}
