package org.hpacell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchitecturesTest {

    @Test
    void resnet18ParameterCountEqualsTorchvision() {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier net = Architectures.create("resnet18", 4, 19);
            NetworkTestSupport.initialize(net, m, 4, 64);
            // torchvision.models.resnet18(num_classes=19) with conv1 replaced by a 4-channel conv
            assertEquals(11_189_395L, NetworkTestSupport.trainableParameters(net));
        }
    }

    @Test
    void resnet50ParameterCountEqualsTorchvision() {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier net = Architectures.create("resnet50", 4, 19);
            NetworkTestSupport.initialize(net, m, 4, 64);
            assertEquals(23_550_099L, NetworkTestSupport.trainableParameters(net));
        }
    }

    @Test
    void resnet34And101ParameterCountsEqualTorchvisionWith3Channels1000Classes() {
        try (NDManager m = NDManager.newBaseManager()) {
            // len(torchvision.models.resnetXX().parameters()) summed: documented torchvision figures
            EncoderClassifier r34 = Architectures.create("resnet34", 3, 1000);
            NetworkTestSupport.initialize(r34, m, 3, 32);
            assertEquals(21_797_672L, NetworkTestSupport.trainableParameters(r34));
            EncoderClassifier r101 = Architectures.create("resnet101", 3, 1000);
            NetworkTestSupport.initialize(r101, m, 3, 32);
            assertEquals(44_549_160L, NetworkTestSupport.trainableParameters(r101));
        }
    }

    @Test
    void smallNetworkHasAFewHundredThousandParameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier net = Architectures.create("small", 4, 19);
            NetworkTestSupport.initialize(net, m, 4, 64);
            long n = NetworkTestSupport.trainableParameters(net);
            assertTrue(n > 200_000 && n < 500_000, "small has " + n + " parameters");
        }
    }

    @Test
    void forwardShapesAndLogitsEqualClassifierTimesPooledFeatures() {
        for (String name : List.of("small", "resnet18")) {
            try (NDManager m = NDManager.newBaseManager()) {
                EncoderClassifier net = Architectures.create(name, 4, 19);
                NetworkTestSupport.initialize(net, m, 4, 64);
                NDArray x = m.randomNormal(new Shape(2, 4, 64, 64));
                NDList out = net.forward(NetworkTestSupport.store(m), new NDList(x), false);
                NDArray logits = out.get(0);
                NDArray features = out.get(1);
                assertEquals(new Shape(2, 19), logits.getShape(), name);
                assertEquals(new Shape(2, net.featureChannels(), 2, 2), features.getShape(), name);
                Shape[] declared = net.getOutputShapes(new Shape[] {new Shape(2, 4, 64, 64)});
                assertEquals(logits.getShape(), declared[0]);
                assertEquals(features.getShape(), declared[1]);
                NDArray gap = features.mean(new int[] {3}).mean(new int[] {2});
                NDArray expected = gap.matMul(net.classifierWeight().transpose()).add(net.classifierBias());
                float maxDiff = logits.sub(expected).abs().max().getFloat();
                assertTrue(maxDiff < 1e-4, name + ": logits differ from W x GAP + b by " + maxDiff);
            }
        }
    }

    @Test
    void encoderStagesHaveDeclaredChannelsAndStrides() {
        for (String name : List.of("small", "resnet18", "resnet50")) {
            try (NDManager m = NDManager.newBaseManager()) {
                FeatureEncoder enc = Architectures.encoder(name, 4);
                NetworkTestSupport.initialize(enc, m, 4, 64);
                NDList stages = enc.forward(NetworkTestSupport.store(m), new NDList(m.zeros(new Shape(1, 4, 64, 64))), false);
                int[] channels = enc.stageChannels();
                int[] strides = enc.stageStrides();
                assertEquals(channels.length, stages.size());
                for (int i = 0; i < stages.size(); i++) {
                    assertEquals(new Shape(1, channels[i], 64 / strides[i], 64 / strides[i]), stages.get(i).getShape(), name + " stage " + i);
                }
                assertArrayEquals(new int[] {2, 4, 8, 16, 32}, strides);
            }
        }
    }

    @Test
    void outputStride16VariantsKeepParametersAndHalveTheLastStride() {
        for (String name : List.of("small", "resnet50")) {
            try (NDManager m = NDManager.newBaseManager()) {
                EncoderClassifier os32 = Architectures.create(name, 4, 19);
                EncoderClassifier os16 = Architectures.create(name + "-os16", 4, 19);
                NetworkTestSupport.initialize(os32, m, 4, 64);
                NetworkTestSupport.initialize(os16, m, 4, 64);
                assertEquals(NetworkTestSupport.trainableParameters(os32), NetworkTestSupport.trainableParameters(os16));
                assertArrayEquals(new int[] {2, 4, 8, 16, 16}, os16.encoder().stageStrides());
                assertEquals(name + "-os16", os16.architecture());
                NDList out = os16.forward(NetworkTestSupport.store(m), new NDList(m.zeros(new Shape(1, 4, 64, 64))), false);
                assertEquals(new Shape(1, os16.featureChannels(), 4, 4), out.get(1).getShape());
            }
        }
    }

    @Test
    void torchNamesOfResnet18AreTorchvisionStateDictKeys() {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier net = Architectures.create("resnet18", 3, 1000);
            NetworkTestSupport.initialize(net, m, 3, 32);
            Map<String, Parameter> names = TorchNames.of(net);
            // torchvision resnet18 has 122 state-dict entries, 20 of them num_batches_tracked
            assertEquals(102, names.size());
            assertEquals(new Shape(64, 3, 7, 7), names.get("conv1.weight").getShape());
            assertEquals(new Shape(64), names.get("bn1.running_var").getShape());
            assertEquals(new Shape(128, 64, 1, 1), names.get("layer2.0.downsample.0.weight").getShape());
            assertEquals(new Shape(128), names.get("layer2.0.downsample.1.bias").getShape());
            assertEquals(new Shape(512, 512, 3, 3), names.get("layer4.1.conv2.weight").getShape());
            assertEquals(new Shape(1000, 512), names.get("fc.weight").getShape());
            assertEquals(new Shape(1000), names.get("fc.bias").getShape());
        }
    }

    @Test
    void unknownArchitectureNamesTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Architectures.create("vgg16", 4, 19));
        assertTrue(e.getMessage().contains("resnet50"), e.getMessage());
        assertEquals(List.of("small", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152"), Architectures.names());
    }
}
