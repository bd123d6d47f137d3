package org.hpacell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.hpacell.nn.host.ConvolutionRoute;
import org.hpacell.nn.script.ScriptKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 1x1 convolution computed as a matrix product (the route of hosts where oneDNN's 1x1 kernels crash)
 * gives libtorch's convolution's output and gradients, at strides 1 and 2, with and without bias, and its
 * output stays in channels-last order.
 */
class PointwiseConvolutionRouteTest {
    @ParameterizedTest(name = "stride {0}, bias {1}")
    @CsvSource({"1, false", "2, false", "1, true", "2, true"})
    void matrixProductEqualsConvolutionForwardAndBackward(int stride, boolean bias) {
        Shape shape = new Shape(2, 6, 7, 9);
        try (NDManager m = NDManager.newBaseManager()) {
            Conv2d.Builder b = Conv2d.builder().setKernelShape(new Shape(1, 1)).optStride(new Shape(stride, stride))
                    .setFilters(5).optBias(bias);
            ChannelsLastConv2d conv = new ChannelsLastConv2d(b, ConvolutionRoute.ONEDNN);
            ChannelsLastConv2d product = new ChannelsLastConv2d(b, ConvolutionRoute.MATRIX_PRODUCT);
            conv.initialize(m, DataType.FLOAT32, shape);
            product.initialize(m, DataType.FLOAT32, shape);
            conv.getParameters().forEach(p -> p.getValue().getArray().set(
                    m.randomNormal(p.getValue().getArray().getShape()).toFloatArray()));
            conv.getParameters().forEach(p -> product.getParameters().get(p.getKey()).getArray().set(
                    p.getValue().getArray().toFloatArray()));

            NDArray x = m.randomNormal(shape);
            float[][] expected = run(conv, m, x);
            float[][] actual = run(product, m, x);
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i], 1e-4f, "output/gradient " + i);
            }
        }
    }

    /** Output, input gradient and parameter gradients of {@code (y * r).sum()} for a fixed random r. */
    private static float[][] run(ChannelsLastConv2d block, NDManager m, NDArray input) {
        NDArray x = ScriptKernels.channelsLast(input.duplicate());
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
            // channels-last out: the channel stride is 1 (contiguous() in NCHW would copy)
            assertTrue(ScriptKernels.isChannelsLast(y), "output is not channels-last");
            Engine.getInstance().setRandomSeed(7);
            NDArray r = m.randomNormal(y.getShape());
            gc.backward(y.mul(r).sum());
            return new float[][] {y.toFloatArray(), x.getGradient().toFloatArray(),
                    block.getParameters().get("weight").getArray().getGradient().toFloatArray(),
                    block.isIncludeBias() ? block.getParameters().get("bias").getArray().getGradient().toFloatArray()
                            : new float[0]};
        }
    }
}
