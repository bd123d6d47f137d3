package org.hpacell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hpacell.nn.unet.UNet;
import org.hpacell.nn.unet.UNets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads tiny-conv.pt (made by src/test/resources/torchscript/make_tiny_conv.py): {@code
 * relu(conv2d(x))}, 2 -> 3 channels, 3x3, padding 1, weight {@code arange(54) / 54 - 0.5} in
 * (out, in, kh, kw) order, bias {@code (0.1, -0.2, 0.3)}.
 */
class TorchScriptModelsTest {
    private static final int SIZE = 8;

    @TempDir Path dir;

    private static Path tinyConv() throws Exception {
        return Path.of(TorchScriptModelsTest.class.getResource("/torchscript/tiny-conv.pt").toURI());
    }

    private static float[] input() {
        float[] x = new float[2 * SIZE * SIZE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(0.37 * i);
        }
        return x;
    }

    /** relu(conv(x) + b) computed by hand. */
    private static float[] expected(float[] x) {
        float[] bias = {0.1f, -0.2f, 0.3f};
        float[] y = new float[3 * SIZE * SIZE];
        for (int o = 0; o < 3; o++) {
            for (int r = 0; r < SIZE; r++) {
                for (int c = 0; c < SIZE; c++) {
                    double s = bias[o];
                    for (int i = 0; i < 2; i++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int yy = r + ky - 1;
                                int xx = c + kx - 1;
                                if (yy >= 0 && yy < SIZE && xx >= 0 && xx < SIZE) {
                                    float w = (float) (((o * 2 + i) * 3 + ky) * 3 + kx) / 54f - 0.5f;
                                    s += w * x[(i * SIZE + yy) * SIZE + xx];
                                }
                            }
                        }
                    }
                    y[(o * SIZE + r) * SIZE + c] = (float) Math.max(0, s);
                }
            }
        }
        return y;
    }

    @Test
    void frozenModelComputesTheScriptedConvolution() throws Exception {
        try (Model model = TorchScriptModels.load(tinyConv(), false)) {
            NDManager m = model.getNDManager();
            float[] x = input();
            NDArray y = model.getBlock().forward(new ParameterStore(m, false),
                    new NDList(m.create(x, new Shape(1, 2, SIZE, SIZE))), false).singletonOrThrow();
            assertEquals(new Shape(1, 3, SIZE, SIZE), y.getShape());
            float[] got = y.toFloatArray();
            float[] want = expected(x);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-5f, "element " + i);
            }
            for (Parameter p : model.getBlock().getParameters().values()) {
                assertFalse(p.requiresGradient(), p.getName() + " should be frozen");
            }
        }
    }

    @Test
    void trainableModelGivesGradientsToItsParameters() throws Exception {
        try (Model model = TorchScriptModels.load(tinyConv(), true)) {
            NDManager m = model.getNDManager();
            Map<String, Parameter> params = TorchNames.of(model.getBlock());
            assertEquals(java.util.Set.of("conv.weight", "conv.bias"), params.keySet());
            params.values().forEach(p -> assertTrue(p.requiresGradient(), p.getName()));
            NDArray bias = params.get("conv.bias").getArray();
            float[] x = input();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = model.getBlock().forward(new ParameterStore(m, false),
                        new NDList(m.create(x, new Shape(1, 2, SIZE, SIZE))), true).singletonOrThrow();
                gc.backward(y.sum());
            }
            // d sum(relu(z)) / d bias[o] = number of positive outputs of channel o
            float[] want = expected(x);
            float[] grad = bias.getGradient().toFloatArray();
            for (int o = 0; o < 3; o++) {
                int positive = 0;
                for (int i = 0; i < SIZE * SIZE; i++) {
                    positive += want[o * SIZE * SIZE + i] > 0 ? 1 : 0;
                }
                assertEquals(positive, grad[o], 1e-4f, "channel " + o);
            }
        }
    }

    @Test
    void scriptAsBackboneOfAClassifier() throws Exception {
        try (Model model = TorchScriptModels.load(tinyConv(), true)) {
            NDManager m = model.getNDManager();
            TorchScriptEncoder encoder = new TorchScriptEncoder(model.getBlock(), "torchscript:tiny-conv", 2, 16);
            assertEquals(3, encoder.featureChannels());
            assertEquals(1, encoder.outputStride());
            EncoderClassifier net = new EncoderClassifier(encoder, 19);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 2, SIZE, SIZE));
            NDList out = net.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(2, 2, SIZE, SIZE))), false);
            assertEquals(new Shape(2, 19), out.get(0).getShape());
            assertEquals(new Shape(2, 3, SIZE, SIZE), out.get(1).getShape());
            assertEquals(java.util.Set.of("conv.weight", "conv.bias", "fc.weight", "fc.bias"), net.torchParameters().keySet());
        }
    }

    @Test
    void scriptReturningATupleIsAMultiScaleEncoderForAUNet() throws Exception {
        Path file = Path.of(TorchScriptModelsTest.class.getResource("/torchscript/tiny-two-scale.pt").toURI());
        try (Model model = TorchScriptModels.load(file, false)) {
            NDManager m = model.getNDManager();
            TorchScriptEncoder encoder = new TorchScriptEncoder(model.getBlock(), "torchscript:two-scale", 2, 16);
            assertArrayEquals(new int[] {4, 6}, encoder.stageChannels());
            assertArrayEquals(new int[] {1, 2}, encoder.stageStrides());
            UNet net = UNets.withEncoder(encoder, 3);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 2, SIZE, SIZE));
            NDArray y = net.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(2, 2, SIZE, SIZE))), false)
                    .singletonOrThrow();
            assertEquals(new Shape(2, 3, SIZE, SIZE), y.getShape());
            assertTrue(TorchNames.of(net).containsKey("encoder.stage1.weight"), TorchNames.of(net).keySet().toString());
        }
    }

    @Test
    void aFileThatIsNotTorchScriptIsNamedInTheError() throws IOException {
        Path junk = dir.resolve("junk.pt");
        Files.writeString(junk, "not a zip");
        IOException e = assertThrows(IOException.class, () -> TorchScriptModels.load(junk, false));
        assertTrue(e.getMessage().startsWith(junk.toString()), e.getMessage());
        assertThrows(IOException.class, () -> TorchScriptModels.load(dir.resolve("missing.pt"), false));
    }
}
