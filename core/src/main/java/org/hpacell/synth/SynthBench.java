package org.hpacell.synth;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.hpacell.progress.Progress;

/**
 * Benchmark of the generator, printing a table. For each field size it measures, on one thread, the
 * CPU time per field of generation in memory (so the per-core rate does not depend on what else the
 * machine runs) and the wall time; then it writes a dataset to disk with the given number of threads
 * (generation, PNG encoding, truth masks, CSV rows: what {@code hpacell synth} does) and reports its
 * wall-clock rate and the CPU time (user + system, all threads of the process, garbage collection
 * included) per field.
 *
 * <pre>java -cp core/target/classes:... org.hpacell.synth.SynthBench [threads] [sizes...]</pre>
 */
public final class SynthBench {
    private SynthBench() {
    }

    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int[] sizes = args.length > 1
                ? Stream.of(args).skip(1).mapToInt(Integer::parseInt).toArray()
                : new int[] {128, 256, 512, 1024, 2048};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        System.out.printf(Locale.ROOT, "%6s %7s %14s %14s %14s %18s %18s%n", "size", "fields", "gen cpu ms",
                "gen fields/s", "gen wall ms", "disk fields/s (" + threads + "t)", "disk cpu ms/field");
        for (int size : sizes) {
            int n = Math.max(3, (int) Math.round(60.0 * 256 * 256 / ((double) size * size)));
            FieldGenerator gen = new FieldGenerator(SynthParams.defaults(1, n, size, 16));
            for (int i = 0; i < Math.min(n, 5); i++) {
                gen.generate(1000 + i); // warm-up
            }
            long cpu0 = mx.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                gen.generate(i);
            }
            double cpuMs = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6 / n;
            double wallMs = (System.nanoTime() - wall0) / 1e6 / n;
            Path dir = Files.createTempDirectory("synth-bench");
            long d0 = System.nanoTime(), p0 = os.getProcessCpuTime();
            new SynthDataset(SynthParams.defaults(1, n, size, 16)).write(dir, threads, Progress.NONE, null, 0);
            double diskRate = n / ((System.nanoTime() - d0) / 1e9);
            double diskCpuMs = (os.getProcessCpuTime() - p0) / 1e6 / n;
            delete(dir);
            System.out.printf(Locale.ROOT, "%6d %7d %14.1f %14.2f %14.1f %18.2f %18.1f%n", size, n, cpuMs, 1000 / cpuMs,
                    wallMs, diskRate, diskCpuMs);
        }
    }

    private static void delete(Path dir) throws IOException {
        org.hpacell.io.FileTrees.delete(dir);
    }
}
