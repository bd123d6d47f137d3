package org.hpacell.nn.bioimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hpacell.nn.EncoderClassifier;
import org.hpacell.nn.ResNetEncoder;
import org.hpacell.nn.ResNetSpec;
import org.hpacell.nn.TorchScriptModels;
import org.hpacell.nn.script.TorchScriptArchive;
import org.hpacell.train.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated TorchScript computes what the network computes, for the shapes the small network does not
 * have: a max-pool stem with a 7x7 convolution, bottleneck units, two units per stage, output stride 16.
 */
class ClassifierScriptTest {
    private static final int SIZE = 48;

    @TempDir
    Path tmp;

    @Test
    void bottleneckUnitsAndPooledStem() throws Exception {
        check(new ResNetSpec("tiny-bottleneck", 7, 8, true, true, new int[] {2, 1, 1}, new int[] {4, 8, 8}, 32));
    }

    @Test
    void basicUnitsAtOutputStride16() throws Exception {
        check(new ResNetSpec("tiny-basic", 3, 8, false, false, new int[] {1, 2}, new int[] {8, 16}, 16));
    }

    private void check(ResNetSpec spec) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            EncoderClassifier classifier = new EncoderClassifier(new ResNetEncoder(spec, 4), 19);
            Network network = new Network(classifier, manager, SIZE, 5);
            // running statistics as a trained network has them, so that inference mode is tested
            for (Map.Entry<String, Parameter> e : classifier.torchParameters().entrySet()) {
                NDArray a = e.getValue().getArray();
                if (e.getKey().endsWith("running_mean")) {
                    a.set(manager.randomNormal(0, 0.2f, a.getShape(), a.getDataType()).toFloatArray());
                } else if (e.getKey().endsWith("running_var")) {
                    a.set(manager.randomUniform(0.5f, 2f, a.getShape(), a.getDataType()).toFloatArray());
                }
            }
            NDArray x = manager.randomNormal(new Shape(2, 4, SIZE, SIZE));
            float[] expected = network.forward(x, false).get(0).getNDArrayInternal().sigmoid().toFloatArray();

            ClassifierScript script = ClassifierScript.of(classifier);
            Path file = tmp.resolve(spec.name() + ".pt");
            try (OutputStream out = Files.newOutputStream(file)) {
                TorchScriptArchive.write(out, ClassifierScript.CLASS_NAME, script.source(), script.tensors(), false);
            }
            try (Model model = TorchScriptModels.load(file, false)) {
                NDList y = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false);
                assertArrayEquals(expected, y.singletonOrThrow().toFloatArray(), 1e-5f, spec.toString());
            }
        }
    }
}
