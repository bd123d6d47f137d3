package org.hpacell.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.hpacell.nn.host.EngineHost;
import org.hpacell.segnet.SegNets;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.stage2.SegmenterClassifier;

/**
 * Runs one network's forward and backward pass once, in a process of its own: {@code NetworkSmoke NAME
 * BATCH SIZE}. Exits 0 and prints "ok" on success. Native code that crashes kills only this process, and
 * {@link NativeCrashIsolationTest} reports it as a failed test naming the network and the shape.
 */
public final class NetworkSmoke {
    /** Every network name the registries make ({@code unet-E} and {@code segnet-...} included). */
    static final ClassifierFactory NETWORKS = SegNets.factory(SegmenterClassifier.factory(ClassifierFactory.REGISTRY));

    private NetworkSmoke() {}

    public static void main(String[] args) {
        String name = args[0];
        int batch = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        System.out.println("route of 1x1 convolutions: " + EngineHost.decision().route().key());
        try (NDManager m = NDManager.newBaseManager()) {
            ImageClassifier net = NETWORKS.create(name, 4, name.startsWith(SegNets.PREFIX) ? 3 : 19);
            Shape shape = new Shape(batch, 4, size, size);
            net.block().initialize(m, DataType.FLOAT32, shape);
            NDArray x = m.randomNormal(shape);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = net.block().forward(new ParameterStore(m, false), new NDList(x), true).head();
                gc.backward(y.mul(y).mean());
            }
            double g = net.block().getParameters().valueAt(0).getArray().getGradient().abs().sum().getFloat();
            if (!(g > 0) || !Double.isFinite(g)) {
                System.err.println(name + ": first parameter's gradient is " + g);
                System.exit(2);
            }
        }
        System.out.println("ok");
    }
}
