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
import org.hpacell.nn.TorchNames;
import org.hpacell.nn.script.ScriptTensor;
import org.hpacell.nn.script.TorchScriptArchive;
import org.hpacell.segnet.SegNets;
import org.hpacell.stage2.SegmenterClassifier;
import org.hpacell.train.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated TorchScript computes what the network computes, for the shapes the small network does not
 * have (a max-pool stem with a 7x7 convolution, bottleneck units, two units per stage, output stride 16) and
 * for a segmentation U-Net.
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

    @Test
    void segmentationUNetOnSelectedChannels() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SegmenterClassifier segnet = SegNets.create("segnet-cells-w4-d3");
            Network network = new Network(segnet, manager, SIZE, 5);
            perturbRunningStatistics(TorchNames.of(segnet.unet()), manager);
            NDArray x = manager.randomNormal(new Shape(2, 4, SIZE, SIZE));
            float[] expected = network.forward(x, false).get(1).softmax(1).toFloatArray();
            UNetScript script = UNetScript.of(segnet.unet());
            assertArrayEquals(expected, run(manager, "segnet", UNetScript.CLASS_NAME, script.source(),
                    script.tensors(), x), 1e-5f);
        }
    }

    private void check(ResNetSpec spec) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            EncoderClassifier classifier = new EncoderClassifier(new ResNetEncoder(spec, 4), 19);
            Network network = new Network(classifier, manager, SIZE, 5);
            perturbRunningStatistics(classifier.torchParameters(), manager);
            NDArray x = manager.randomNormal(new Shape(2, 4, SIZE, SIZE));
            float[] expected = network.forward(x, false).get(0).getNDArrayInternal().sigmoid().toFloatArray();
            ClassifierScript script = ClassifierScript.of(classifier);
            assertArrayEquals(expected, run(manager, spec.name(), ClassifierScript.CLASS_NAME, script.source(),
                    script.tensors(), x), 1e-5f, spec.toString());
        }
    }

    /** The archive of the script, loaded by the engine, run on {@code x}. */
    private float[] run(NDManager manager, String name, String className, String source,
                        Map<String, ScriptTensor> tensors, NDArray x) throws Exception {
        Path file = tmp.resolve(name + ".pt");
        try (OutputStream out = Files.newOutputStream(file)) {
            TorchScriptArchive.write(out, className, source, tensors, false);
        }
        try (Model model = TorchScriptModels.load(file, false)) {
            NDList y = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false);
            return y.singletonOrThrow().toFloatArray();
        }
    }

    /** Running statistics as a trained network has them, so that inference mode is tested. */
    private static void perturbRunningStatistics(Map<String, Parameter> parameters, NDManager manager) {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            NDArray a = e.getValue().getArray();
            if (e.getKey().endsWith("running_mean")) {
                a.set(manager.randomNormal(0, 0.2f, a.getShape(), a.getDataType()).toFloatArray());
            } else if (e.getKey().endsWith("running_var")) {
                a.set(manager.randomUniform(0.5f, 2f, a.getShape(), a.getDataType()).toFloatArray());
            }
        }
    }
}
