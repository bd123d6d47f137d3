package org.hpacell.nn.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The TorchScript kernels compile, compute what they claim and are differentiated by autograd. */
class ScriptKernelsTest {

    @Test
    void reluInPlaceOverwritesItsInputAndBackPropagatesTheReluMask() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {-2f, -0.5f, 0.5f, 3f});
            x.setRequiresGradient(true);
            for (int round = 0; round < 4; round++) { // past the graph executor's profiling runs
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray y = x.mul(2f); // not a leaf: in-place is legal
                    NDArray r = ScriptKernels.reluInPlace(y);
                    assertSame(y, r);
                    assertArrayEquals(new float[] {0f, 0f, 1f, 6f}, y.toFloatArray());
                    gc.backward(y.mul(m.create(new float[] {1f, 10f, 100f, 1000f})).sum());
                }
                // d/dx sum(w * relu(2x)) = 2 w [x > 0]
                assertArrayEquals(new float[] {0f, 0f, 200f, 2000f}, x.getGradient().toFloatArray(), "round " + round);
                x.getGradient().subi(x.getGradient());
            }
        }
    }

    @Test
    void channelsLastKeepsValuesAndGradientsAndConvolvesAsNchw() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3, 5, 6));
            x.setRequiresGradient(true);
            NDArray w = m.randomNormal(new Shape(4, 3, 3, 3));
            NDArray weights = m.randomNormal(new Shape(2, 4, 5, 6));
            float[] nchwOut;
            float[] nchwGrad;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
                nchwOut = y.toFloatArray();
                gc.backward(y.mul(weights).sum());
            }
            nchwGrad = x.getGradient().toFloatArray();
            x.getGradient().subi(x.getGradient());
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray nhwc = ScriptKernels.channelsLast(x);
                assertArrayEquals(x.toFloatArray(), nhwc.toFloatArray());
                assertEquals(x.getShape(), nhwc.getShape());
                NDArray y = Conv2d.conv2d(nhwc, w, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
                assertArrayEquals(nchwOut, y.toFloatArray(), 1e-4f);
                gc.backward(y.mul(weights).sum());
            }
            assertArrayEquals(nchwGrad, x.getGradient().toFloatArray(), 1e-4f);
        }
    }
}
