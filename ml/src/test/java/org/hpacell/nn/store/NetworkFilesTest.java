package org.hpacell.nn.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hpacell.nn.Architectures;
import org.hpacell.nn.EncoderClassifier;
import org.hpacell.nn.TorchNames;
import org.hpacell.nn.unet.UNet;
import org.hpacell.nn.unet.UNets;
import org.hpacell.nn.weights.HostTensor;
import org.hpacell.nn.weights.TensorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkFilesTest {
    @TempDir Path dir;

    private static NDArray forward(Block net, NDManager m, NDArray x) {
        return net.forward(new ParameterStore(m, false), new NDList(x), false).get(0);
    }

    /** One training-mode forward, so the batch-norm running statistics leave their initial values. */
    private static void touchRunningStats(Block net, NDManager m, Shape input) {
        net.forward(new ParameterStore(m, false), new NDList(m.randomNormal(input)), true);
    }

    @Test
    void savedNetworksReloadByNameAndComputeTheSame() throws Exception {
        List<Block> networks = List.of(
                Architectures.create("small", 4, 19),
                UNets.segmentation(1, 4, 3),
                UNets.withEncoder("small", 4, 19),
                UNets.withEncoder("small-os16", 4, 19));
        for (Block net : networks) {
            try (NDManager m = NDManager.newBaseManager()) {
                Shape shape = new Shape(2, net instanceof UNet u ? u.inChannels() : 4, 32, 32);
                net.initialize(m, DataType.FLOAT32, shape);
                touchRunningStats(net, m, shape);
                Path run = dir.resolve(net.getClass().getSimpleName() + shape.get(1) + System.nanoTime());
                NetworkFiles.save(net, run);

                NetworkFiles.Loaded loaded = NetworkFiles.load(run, m);
                assertEquals(NetworkSpec.of(net), loaded.spec());
                NDArray x = m.randomNormal(shape);
                assertEquals(0f, forward(net, m, x).sub(forward(loaded.block(), m, x)).abs().max().getFloat(), 0f,
                        loaded.spec().toString());
                Map<String, Parameter> names = TorchNames.of(loaded.block());
                for (Map.Entry<String, Parameter> e : TorchNames.of(net).entrySet()) {
                    assertEquals(e.getValue().requiresGradient(), names.get(e.getKey()).requiresGradient(), e.getKey());
                }
            }
        }
    }

    @Test
    void specFileIsReadableJson() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier net = Architectures.create("small", 4, 19);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 4, 32, 32));
            NetworkFiles.save(net, dir);
            String json = Files.readString(dir.resolve(NetworkFiles.SPEC_FILE));
            assertTrue(json.contains("\"kind\" : \"classifier\""), json);
            assertTrue(json.contains("\"architecture\" : \"small\""), json);
            assertEquals(new NetworkSpec.Classifier("small", 4, 19), NetworkFiles.readSpec(dir));
            assertInstanceOf(EncoderClassifier.class, NetworkFiles.loadClassifier(dir, m));
            IOException wrongKind = assertThrows(IOException.class, () -> NetworkFiles.loadUNet(dir, m));
            assertTrue(wrongKind.getMessage().contains("not a U-Net"), wrongKind.getMessage());
        }
    }

    @Test
    void mismatchedOrMissingFilesAreNamed() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderClassifier net = Architectures.create("small", 4, 19);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 4, 32, 32));
            NetworkFiles.save(net, dir);
            Files.writeString(dir.resolve(NetworkFiles.SPEC_FILE),
                    "{\"kind\":\"classifier\",\"architecture\":\"resnet18\",\"inChannels\":4,\"numClasses\":19}");
            IOException e = assertThrows(IOException.class, () -> NetworkFiles.load(dir, m));
            assertTrue(e.getMessage().startsWith(dir.resolve(NetworkFiles.PARAMETERS_FILE).toString()), e.getMessage());

            Files.writeString(dir.resolve(NetworkFiles.SPEC_FILE), "{\"kind\":\"classifier\",\"architecture\":\"vgg\",\"inChannels\":4,\"numClasses\":19}");
            IOException unknown = assertThrows(IOException.class, () -> NetworkFiles.load(dir, m));
            assertTrue(unknown.getMessage().contains("unknown architecture 'vgg'"), unknown.getMessage());

            Files.writeString(dir.resolve(NetworkFiles.SPEC_FILE), "{oops");
            IOException bad = assertThrows(IOException.class, () -> NetworkFiles.readSpec(dir));
            assertTrue(bad.getMessage().contains("not a network description"), bad.getMessage());

            assertThrows(java.nio.file.NoSuchFileException.class, () -> NetworkFiles.load(dir.resolve("nothing"), m));
        }
    }

    /**
     * A U-Net saved by an earlier build (src/test/resources/saved/unet-w2-d2, see its README) still
     * loads and reproduces the output recorded with it.
     */
    @Test
    void aNetworkSavedByAnEarlierBuildStillLoads() throws Exception {
        Path saved = Path.of(NetworkFilesTest.class.getResource("/saved/unet-w2-d2/network.json").toURI()).getParent();
        Map<String, HostTensor> io = TensorFiles.read(saved.resolve("io.npz"));
        try (NDManager m = NDManager.newBaseManager()) {
            UNet net = NetworkFiles.loadUNet(saved, m);
            NDArray x = m.create(io.get("input").values(), new Shape(io.get("input").shape()));
            float[] got = forward(net, m, x).toFloatArray();
            float[] want = io.get("output").values();
            assertEquals(want.length, got.length);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-5f, "output " + i);
            }
        }
    }
}
