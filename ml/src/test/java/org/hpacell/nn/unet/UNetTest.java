package org.hpacell.nn.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Map;
import org.hpacell.nn.Architectures;
import org.hpacell.nn.EncoderClassifier;
import org.hpacell.nn.TorchNames;
import org.hpacell.nn.weights.HostTensor;
import org.hpacell.nn.weights.ImportOptions;
import org.hpacell.nn.weights.TensorFiles;
import org.hpacell.nn.weights.WeightImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UNetTest {
    @TempDir Path dir;

    private static NDArray forward(UNet net, NDManager m, NDArray x) {
        return net.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
    }

    private static long parameters(UNet net) {
        return net.getParameters().values().stream().filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size()).sum();
    }

    @Test
    void segmentationUNetPredictsThreeMapsAtInputResolution() {
        try (NDManager m = NDManager.newBaseManager()) {
            UNet net = UNets.segmentation(3, 8, 4);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            assertEquals(new Shape(2, 3, 32, 48), forward(net, m, m.randomNormal(new Shape(2, 3, 32, 48))).getShape());
            assertArrayEquals(new int[] {1, 2, 4, 8}, net.encoder().stageStrides());
            assertArrayEquals(new int[] {32, 16, 8}, net.decoder().decoderChannels());
            long n = parameters(net);
            assertTrue(n > 50_000 && n < 200_000, "segmentation U-Net w8 d4 has " + n + " parameters");
        }
    }

    @Test
    void resnetAndSmallEncoderUNetsPredictKMapsPerPixel() {
        for (String arch : new String[] {"small", "resnet18"}) {
            try (NDManager m = NDManager.newBaseManager()) {
                UNet net = UNets.withEncoder(arch, 4, 19);
                net.initialize(m, DataType.FLOAT32, new Shape(1, 4, 64, 64));
                assertEquals(new Shape(1, 19, 64, 64), forward(net, m, m.randomNormal(new Shape(1, 4, 64, 64))).getShape(), arch);
                assertEquals(5, net.decoder().decoderChannels().length, arch);
                assertEquals(32, net.sizeMultiple());
            }
        }
    }

    @Test
    void unetOnATrainedClassifiersEncoderSharesItsParameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier classifier = Architectures.create("small", 4, 19);
            classifier.initialize(m, DataType.FLOAT32, new Shape(1, 4, 32, 32));
            UNet net = UNets.withEncoder(classifier.encoder(), 19);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 4, 32, 32));
            Map<String, Parameter> classifierNames = TorchNames.of(classifier);
            Map<String, Parameter> unetNames = TorchNames.of(net);
            assertSame(classifierNames.get("layer3.0.conv2.weight"), unetNames.get("encoder.layer3.0.conv2.weight"));
            assertTrue(unetNames.containsKey("decoder.block0.0.weight"));
            assertTrue(unetNames.containsKey("decoder.block4.4.running_mean"));
            assertEquals(new Shape(19, 8, 3, 3), unetNames.get("head.weight").getShape());
        }
    }

    @Test
    void torchvisionWeightsImportIntoTheEncoder() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier imagenet = Architectures.create("resnet18", 3, 1000);
            imagenet.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            Map<String, HostTensor> dict = WeightImporter.stateDict(imagenet);
            Path file = dir.resolve("resnet18.safetensors");
            TensorFiles.write(file, dict);

            UNet net = UNets.withEncoder("resnet18", 4, 19);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 4, 32, 32));
            WeightImporter.importFile(net.encoder(), file, ImportOptions.newHead());
            float[] imported = TorchNames.of(net).get("encoder.layer4.1.bn2.weight").getArray().toFloatArray();
            assertArrayEquals(dict.get("layer4.1.bn2.weight").values(), imported);
        }
    }

    @Test
    void nearestUpsamplingRepeatsEachPixelIntoABlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                    Upsampling.nearest(x, 2).toFloatArray());
        }
    }

    @Test
    void inputsThatAreNotMultiplesOfTheStrideAreRejectedClearly() {
        try (NDManager m = NDManager.newBaseManager()) {
            UNet net = UNets.segmentation(1, 4, 3);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 16, 16));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> forward(net, m, m.zeros(new Shape(1, 1, 18, 16))));
            assertTrue(e.getMessage().contains("multiples of 4"), e.getMessage());
        }
    }
}
