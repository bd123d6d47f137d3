package org.hpacell.nn.store;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpacell.nn.unet.UNet;
import org.hpacell.nn.unet.UNets;
import org.hpacell.nn.weights.HostTensor;
import org.hpacell.nn.weights.TensorFiles;

/**
 * Writes the golden saved network of {@link NetworkFilesTest#aNetworkSavedByAnEarlierBuildStillLoads}
 * (run once, by hand, when the file format changes on purpose): {@code java -cp ... GoldenNetworkWriter DIR}.
 */
final class GoldenNetworkWriter {
    private GoldenNetworkWriter() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(42);
            UNet net = UNets.segmentation(1, 2, 2);
            Shape shape = new Shape(1, 1, 8, 8);
            net.initialize(m, DataType.FLOAT32, shape);
            net.forward(new ParameterStore(m, false), new NDList(m.randomNormal(shape)), true);
            NetworkFiles.save(net, dir);
            NDArray x = m.randomNormal(shape);
            NDArray y = net.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            Map<String, HostTensor> io = new LinkedHashMap<>();
            io.put("input", HostTensor.of(shape.getShape(), x.toFloatArray()));
            io.put("output", HostTensor.of(y.getShape().getShape(), y.toFloatArray()));
            TensorFiles.write(dir.resolve("io.npz"), io);
        }
    }
}
