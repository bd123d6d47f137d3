package org.hpacell.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpacell.atlas.Location;
import org.hpacell.image.Channel;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.BinaryCrossEntropy;
import org.hpacell.train.loss.ClassifierObjective;
import org.hpacell.train.loss.TrainingStep;
import org.hpacell.train.optim.Adam;
import org.hpacell.train.optim.Optimiser;
import org.hpacell.train.optim.TrainableParameters;

/**
 * The workload of {@code bench/torch_peer.py} on the hpacell engine: a 4-channel, 19-class
 * classifier on random input, forward only (inference mode) or a full training step (forward, BCE,
 * backward, Adam) through the same {@link StepRunner} the training loop uses. Reports the median
 * images/s over the timed iterations, the median wall and process CPU time of each phase (forward,
 * backward, optimiser; the same split as {@link StepRunner#lastPhases()}) and the process's peak
 * resident memory.
 */
public final class ThroughputBenchmark {
    /** What to measure. */
    public enum Mode { TRAIN, INFER }

    /**
     * One measurement.
     *
     * @param imagesPerSecond batch / median wall time of an iteration
     * @param step            median wall and process CPU seconds of a whole iteration
     * @param phases          median seconds per phase by name ({@code forward}, {@code backward},
     *                        {@code optimiser}; only {@code forward} for inference), wall and CPU
     */
    public record Result(Mode mode, String model, int size, int batch, int threads, double imagesPerSecond,
                         long peakRssMb, Seconds step, Map<String, Seconds> phases) {
    }

    /** Median wall-clock and process CPU seconds (CPU -1 where the platform does not report it). */
    public record Seconds(double wall, double cpu) {
        static Seconds median(List<ClockReading> readings) {
            double[] wall = readings.stream().mapToDouble(r -> r.wallNanos() / 1e9).toArray();
            double[] cpu = readings.stream().mapToDouble(r -> r.cpuNanos() / 1e9).toArray();
            return new Seconds(ThroughputBenchmark.median(wall), ThroughputBenchmark.median(cpu));
        }
    }

    private ThroughputBenchmark() {
    }

    /** Runs {@code warmup + iters} iterations and times the last {@code iters}. */
    public static Result run(Mode mode, String model, int size, int batch, int threads, int warmup, int iters,
                             ClassifierFactory factory) {
        EngineThreads.set(threads);
        try (NDManager root = NDManager.newBaseManager()) {
            Network network = new Network(factory.create(model, Channel.COUNT, Location.COUNT), root, size, 0);
            List<ClockReading> steps = new ArrayList<>();
            Map<String, List<ClockReading>> phases = new LinkedHashMap<>();
            Optimiser optimiser = mode == Mode.TRAIN
                    ? new Adam(new TrainableParameters(network.block()), 0.9, 0.999, 1e-8, 0, false) : null;
            try {
                StepRunner runner = optimiser == null ? null
                        : new StepRunner(network, new ClassifierObjective(new BinaryCrossEntropy()), optimiser);
                for (int i = 0; i < warmup + iters; i++) {
                    try (NDManager m = root.newSubManager()) {
                        // Drawn by the engine, as the peer's torch.rand: no Java-side copy of the batch.
                        NDArray x = m.randomUniform(0f, 1f, new Shape(batch, Channel.COUNT, size, size));
                        NDArray y = m.randomUniform(0f, 1f, new Shape(batch, Location.COUNT)).gt(0.8f)
                                .toType(DataType.FLOAT32, false);
                        ClockReading t0 = ClockReading.now();
                        if (runner == null) {
                            network.forward(x, false).get(0).toFloatArray();
                        } else {
                            runner.run(new TrainBatch(x, y, List.of(), Map.of()),
                                    new TrainingStep(0, i, warmup + iters, 1e-3), new HashMap<>());
                        }
                        ClockReading elapsed = t0.elapsed();
                        if (i >= warmup) {
                            steps.add(elapsed);
                            if (runner == null) {
                                phases.computeIfAbsent("forward", k -> new ArrayList<>()).add(elapsed);
                            } else {
                                StepPhases p = runner.lastPhases();
                                phases.computeIfAbsent("forward", k -> new ArrayList<>()).add(p.forward());
                                phases.computeIfAbsent("backward", k -> new ArrayList<>()).add(p.backward());
                                phases.computeIfAbsent("optimiser", k -> new ArrayList<>()).add(p.optimiser());
                            }
                        }
                    }
                }
            } finally {
                if (optimiser != null) {
                    optimiser.close();
                }
            }
            Seconds step = Seconds.median(steps);
            Map<String, Seconds> phaseMedians = new LinkedHashMap<>();
            phases.forEach((name, list) -> phaseMedians.put(name, Seconds.median(list)));
            return new Result(mode, model, size, batch, threads, batch / step.wall(), peakRssMb(), step,
                    phaseMedians);
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Peak resident set size of this process in MB ({@code VmHWM} of /proc/self/status), or -1. */
    public static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
