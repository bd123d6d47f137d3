package org.hpacell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpacell.nn.weights.HostTensor;
import org.hpacell.nn.weights.ImportOptions;
import org.hpacell.nn.weights.TensorFiles;
import org.hpacell.nn.weights.WeightImporter;
import org.junit.jupiter.api.Test;

/**
 * Our ResNets compute what PyTorch computes with torchvision's layer structure: narrow basic-unit and
 * bottleneck ResNets were built, given random weights and batch-norm statistics and run in eval mode
 * by PyTorch (src/test/resources/torchvision/make_tiny_resnets.py); their state dicts import by name
 * and our forward reproduces PyTorch's logits and last feature map.
 */
class TorchvisionEquivalenceTest {

    private static void check(String file, ResNetSpec spec) throws Exception {
        Path path = Path.of(TorchvisionEquivalenceTest.class.getResource("/torchvision/" + file).toURI());
        Map<String, HostTensor> all = TensorFiles.read(path);
        Map<String, HostTensor> weights = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!k.startsWith("__")) {
                weights.put(k, v);
            }
        });
        HostTensor input = all.get("__input");
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier net = new EncoderClassifier(new ResNetEncoder(spec, 4), 5);
            Shape shape = new Shape(input.shape());
            net.initialize(m, DataType.FLOAT32, shape);
            WeightImporter.importTensors(TorchNames.of(net), weights, ImportOptions.strict(), file);
            NDList out = net.forward(new ParameterStore(m, false), new NDList(m.create(input.values(), shape)), false);
            assertArrayEquals(all.get("__logits").shape(), out.get(0).getShape().getShape(), file);
            assertArrayEquals(all.get("__features").shape(), out.get(1).getShape().getShape(), file);
            assertClose(all.get("__logits").values(), out.get(0).toFloatArray(), file + " logits");
            assertClose(all.get("__features").values(), out.get(1).toFloatArray(), file + " features");
        }
    }

    private static void assertClose(float[] want, float[] got, String what) {
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-4f, what + " [" + i + "]");
        }
    }

    @Test
    void basicUnitResNetMatchesPyTorch() throws Exception {
        check("tiny-basic.npz", new ResNetSpec("tiny-basic", 7, 8, true, false,
                new int[] {2, 1, 1, 1}, new int[] {4, 8, 8, 8}, 32));
    }

    @Test
    void bottleneckResNetMatchesPyTorch() throws Exception {
        check("tiny-bottleneck.npz", new ResNetSpec("tiny-bottleneck", 7, 8, true, true,
                new int[] {1, 2, 1, 1}, new int[] {2, 4, 4, 4}, 32));
    }
}
