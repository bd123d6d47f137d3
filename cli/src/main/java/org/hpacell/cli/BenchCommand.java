package org.hpacell.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hpacell.train.ClassifierFactory;
import org.hpacell.train.ThroughputBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hpacell bench train|infer}: engine throughput, the workload of the PyTorch peer. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Throughput of the training engine on random input: 'train' (forward, BCE, backward, Adam) "
                + "or 'infer' (forward). Prints images/s (median of the timed iterations), peak RSS, and the median wall and process CPU "
                + "seconds of each phase (forward, backward, optimiser).",
                "Compare with bench/torch_peer.py MODEL SIZE BATCH --threads T on the same machine, under the same "
                        + "OpenMP wait policy (printed; the launcher sets PASSIVE unless OMP_WAIT_POLICY is set; "
                        + "OMP_WAIT_POLICY= (empty) runs the OpenMP default, as an unconfigured PyTorch runs)."})
public final class BenchCommand implements Callable<Integer>, UsesEngine {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "train|infer", description = "What to measure.")
    String mode;

    @Option(names = {"--arch", "--model"}, paramLabel = "NAME",
            description = "Architecture, as a training config's \"model\" (default: ${DEFAULT-VALUE}; --model is "
                    + "its old name: elsewhere --model is a trained run folder).")
    String model = "resnet50";

    @Option(names = "--size", paramLabel = "PX", description = "Image side (default: ${DEFAULT-VALUE}).")
    int size = 512;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch = 4;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed iterations (default: ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Option(names = "--iters", paramLabel = "N", description = "Timed iterations (default: ${DEFAULT-VALUE}).")
    int iters = 5;

    @Override
    public Integer call() {
        ThroughputBenchmark.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "train" -> ThroughputBenchmark.Mode.TRAIN;
            case "infer" -> ThroughputBenchmark.Mode.INFER;
            default -> throw new IllegalArgumentException("bench mode must be 'train' or 'infer', got '" + mode + "'");
        };
        if (size < 32 || batch < 1 || iters < 1 || warmup < 0) {
            throw new IllegalArgumentException("need --size >= 32, --batch >= 1, --iters >= 1, --warmup >= 0");
        }
        ThroughputBenchmark.Result r = ThroughputBenchmark.run(m, model, size, batch, common.threads(), warmup, iters,
                ClassifierFactory.REGISTRY);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%-6s %-10s %5s %5s %7s %10s %12s%n", "mode", "model", "size", "batch", "threads",
                "images/s", "peak RSS MB");
        w.printf(Locale.ROOT, "%-6s %-10s %5d %5d %7d %10.3f %12d%n", mode, r.model(), r.size(), r.batch(),
                r.threads(), r.imagesPerSecond(), r.peakRssMb());
        w.printf(Locale.ROOT, "%-10s %10s %10s%n", "phase", "wall s", "CPU s");
        r.phases().forEach((name, s) -> w.printf(Locale.ROOT, "%-10s %10.3f %10.3f%n", name, s.wall(), s.cpu()));
        w.printf(Locale.ROOT, "%-10s %10.3f %10.3f%n", "iteration", r.step().wall(), r.step().cpu());
        // The engine's OpenMP threads sleep at once (PASSIVE) or spin a while first (the default): a
        // comparison with another engine is only fair under the same setting.
        String policy = System.getenv("OMP_WAIT_POLICY");
        w.printf(Locale.ROOT, "OpenMP wait policy: %s%n", policy == null || policy.isEmpty() ? "default" : policy);
        w.printf(Locale.ROOT, "{\"engine\": \"hpacell-djl\", \"mode\": \"%s\", \"model\": \"%s\", \"size\": %d, "
                        + "\"batch\": %d, \"threads\": %d, \"img_s\": %.3f, \"step_wall_s\": %.3f, "
                        + "\"step_cpu_s\": %.3f, \"peak_rss_mb\": %d}%n",
                mode, r.model(), r.size(), r.batch(), r.threads(), r.imagesPerSecond(), r.step().wall(),
                r.step().cpu(), r.peakRssMb());
        w.flush();
        return ExitCodes.OK;
    }
}
