package org.hpacell.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hpacell.nn.unet.UNets;

/**
 * Forward-only (inference) timing of the networks, printed as a table. Not a test: run with {@code
 * java -cp "ml/target/test-classes:ml/target/classes:core/target/classes:<deps>"
 * org.hpacell.nn.ForwardBenchmark [size] [batch] [repeats]} (see docs/BENCHMARKS.md).
 */
public final class ForwardBenchmark {
    private ForwardBenchmark() {}

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Map<String, Supplier<Block>> nets = new LinkedHashMap<>();
        nets.put("small (4->19)", () -> Architectures.create("small", 4, 19));
        nets.put("resnet18 (4->19)", () -> Architectures.create("resnet18", 4, 19));
        nets.put("resnet50 (4->19)", () -> Architectures.create("resnet50", 4, 19));
        nets.put("unet w8 d4 (3->3)", () -> UNets.segmentation(3, 8, 4));
        nets.put("unet small (4->19)", () -> UNets.withEncoder("small", 4, 19));
        System.out.printf("engine %s, input %dx%d, batch %d, median of %d forwards after 2 warm-ups%n",
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion(), size, size, batch, repeats);
        System.out.printf("%-20s %12s %12s %10s%n", "network", "parameters", "ms/forward", "images/s");
        for (Map.Entry<String, Supplier<Block>> e : nets.entrySet()) {
            try (NDManager m = NDManager.newBaseManager()) {
                Block net = e.getValue().get();
                int in = e.getKey().contains("(3") ? 3 : 4;
                Shape shape = new Shape(batch, in, size, size);
                net.initialize(m, DataType.FLOAT32, shape);
                long params = net.getParameters().values().stream().filter(Parameter::requiresGradient)
                        .mapToLong(p -> p.getArray().size()).sum();
                NDArray x = m.randomNormal(shape);
                double[] ms = new double[repeats];
                for (int r = -2; r < repeats; r++) {
                    try (NDManager step = m.newSubManager()) {
                        long t0 = System.nanoTime();
                        NDList out = net.forward(new ParameterStore(step, false), new NDList(x), false);
                        out.get(0).toFloatArray(); // wait for the result
                        out.attach(step);
                        if (r >= 0) {
                            ms[r] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                }
                java.util.Arrays.sort(ms);
                double median = ms[repeats / 2];
                System.out.printf("%-20s %,12d %12.1f %10.2f%n", e.getKey(), params, median, batch * 1000 / median);
            }
        }
    }
}
