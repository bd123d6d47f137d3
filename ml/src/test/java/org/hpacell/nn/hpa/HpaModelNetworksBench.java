package org.hpacell.nn.hpa;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.segment.HpaPrediction;

/**
 * Times the steps of {@link HpaModelNetworks} on one synthetic field and prints a table (ms per field,
 * wall and CPU of the calling thread): the pre-processing of each network's input, the networks
 * themselves (the tiny stand-ins of the tests, so this column is not HPA's DPN) and the
 * post-processing. Arguments: field side (default 2048), bit depth (8), repeats (5), padding (false).
 *
 * <pre>
 * ./mvnw -q -o -pl ml -am test-compile
 * ./mvnw -q -o -pl ml dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * OMP_WAIT_POLICY=PASSIVE java -cp "ml/target/test-classes:ml/target/classes:core/target/classes:$(cat /tmp/cp.txt)" \
 *     org.hpacell.nn.hpa.HpaModelNetworksBench 2048 8 5
 * </pre>
 */
public final class HpaModelNetworksBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private HpaModelNetworksBench() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int bits = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean padding = args.length > 3 && Boolean.parseBoolean(args[3]);
        HpaModelOptions options = HpaModelOptions.withPadding(padding);
        FieldImage field = field(size, bits);
        Path dir = Path.of(HpaModelNetworksBench.class.getResource("/hpamodels/tiny-hpa-nuclei.pt").toURI()).getParent();
        try (HpaModelNetworks nets = HpaModelNetworks.open(dir.resolve("tiny-hpa-nuclei.pt"),
                dir.resolve("tiny-hpa-cell.pt"), options)) {
            Map<String, double[]> rows = new LinkedHashMap<>();
            for (int r = -1; r < repeats; r++) { // one warm-up round
                boolean keep = r >= 0;
                HpaInput nIn = time(rows, keep, "nuclei input (rescale, pad, normalise)", () -> HpaInput.nuclei(field, options));
                HpaInput cIn = time(rows, keep, "cell input (rescale, pad, normalise)", () -> HpaInput.cells(field, options));
                float[] nP = time(rows, keep, "nucleus network (tiny stand-in) + softmax", () -> nets.nucleiNetwork().probabilities(nIn));
                float[] cP = time(rows, keep, "cell network (tiny stand-in) + softmax", () -> nets.cellNetwork().probabilities(cIn));
                HpaPrediction n = time(rows, keep, "nuclei output (uint8, INTER_AREA)",
                        () -> HpaOutput.nuclei(nP, nIn, size, size));
                HpaPrediction c = time(rows, keep, "cell output (INTER_AREA, uint8)", () -> HpaOutput.cells(cP, cIn, size, size));
                if (n.width() != size || c.width() != size) {
                    throw new IllegalStateException("wrong output size");
                }
            }
            System.out.printf(Locale.ROOT, "%dx%d %d-bit field, padding %s, %d repeats: ms per field (mean)%n",
                    size, size, bits, padding, repeats);
            System.out.printf(Locale.ROOT, "| %-45s | %9s | %9s |%n", "step", "wall ms", "CPU ms");
            System.out.printf(Locale.ROOT, "|%s|%s|%s|%n", "-".repeat(47), "-".repeat(11), "-".repeat(11));
            double[] pre = new double[2];
            for (Map.Entry<String, double[]> e : rows.entrySet()) {
                double wall = e.getValue()[0] / repeats;
                double cpu = e.getValue()[1] / repeats;
                System.out.printf(Locale.ROOT, "| %-45s | %9.1f | %9.1f |%n", e.getKey(), wall, cpu);
                if (!e.getKey().contains("network")) {
                    pre[0] += wall;
                    pre[1] += cpu;
                }
            }
            System.out.printf(Locale.ROOT, "| %-45s | %9.1f | %9.1f |%n", "pre- and post-processing together", pre[0], pre[1]);
        }
    }

    private static <T> T time(Map<String, double[]> rows, boolean keep, String name, Supplier<T> step) {
        long w0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        T t = step.get();
        double wall = (System.nanoTime() - w0) / 1e6;
        double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
        if (keep) {
            double[] acc = rows.computeIfAbsent(name, k -> new double[2]);
            acc[0] += wall;
            acc[1] += cpu;
        }
        return t;
    }

    /** Noise plus discs, in the bit depth's range. */
    private static FieldImage field(int size, int bits) {
        SplittableRandom rng = new SplittableRandom(11);
        float top = bits == 16 ? 65535f : 255f;
        float[][] ch = new float[Channel.COUNT][size * size];
        for (float[] c : ch) {
            for (int i = 0; i < c.length; i++) {
                int x = i % size;
                int y = i / size;
                boolean disc = Math.hypot(x % 256 - 128, y % 256 - 128) < 80;
                c[i] = Math.round(top * ((disc ? 0.6f : 0.05f) + 0.1f * (float) rng.nextDouble()));
            }
        }
        return new FieldImage("bench", size, size, bits, ch);
    }
}
