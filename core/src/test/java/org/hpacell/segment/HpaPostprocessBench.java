package org.hpacell.segment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.hpacell.image.LabelImage;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.RgbImage;

/**
 * Times {@link HpaPostprocess} on one field and prints a table. Inputs: the two prediction PNGs given
 * with {@code --nuclei-pred/--cell-pred}, or a synthetic field ({@code --size 2048 --cells 300});
 * {@code --scale S} sets the object size relative to a 2048 px field (default: size / 2048);
 * {@code --noise F} scales the noise (0: none);
 * {@code --write DIR} saves the synthetic inputs (for bench/hpa_postprocess_skimage.py) and the
 * Java results.
 *
 * <pre>
 * ./mvnw -q -o -pl core -am test-compile
 * java -Xmx4g -cp core/target/classes:core/target/test-classes org.hpacell.segment.HpaPostprocessBench \
 *     --size 2048 --cells 300 --repeats 5 --write /tmp/hpabench
 * </pre>
 */
public final class HpaPostprocessBench {
    private HpaPostprocessBench() {
    }

    public static void main(String[] args) throws IOException {
        int size = 2048;
        int cells = 300;
        int repeats = 5;
        long seed = 7;
        double scale = Double.NaN;
        double noise = 1;
        Path write = null;
        Path nucPath = null;
        Path cellPath = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--cells" -> cells = Integer.parseInt(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--noise" -> noise = Double.parseDouble(args[++i]);
                case "--write" -> write = Path.of(args[++i]);
                case "--nuclei-pred" -> nucPath = Path.of(args[++i]);
                case "--cell-pred" -> cellPath = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        HpaPrediction nuc;
        HpaPrediction cell;
        if (nucPath != null && cellPath != null) {
            nuc = TestPngs.prediction(nucPath);
            cell = TestPngs.prediction(cellPath);
        } else {
            SyntheticPredictions s = SyntheticPredictions.render(size, cells, Double.isNaN(scale) ? size / 2048.0 : scale,
                    seed, noise);
            nuc = s.nuclei;
            cell = s.cells;
            if (write != null) {
                writeRgb(write.resolve("nuclei_pred.png"), nuc);
                writeRgb(write.resolve("cell_pred.png"), cell);
            }
        }
        System.out.printf(Locale.ROOT, "HPA post-processing, %dx%d, Java %s, %d cores%n", nuc.width(), nuc.height(),
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        String[] names = {"label_nuclei", "label_cell", "both, sequential", "both, label_nuclei in parallel",
            "both, 1/4 scale"};
        double[] best = new double[names.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        double[] bestCpu = new double[names.length];
        java.util.Arrays.fill(bestCpu, Double.MAX_VALUE);
        double[] bestProcess = new double[names.length];
        java.util.Arrays.fill(bestProcess, Double.MAX_VALUE);
        HpaPostprocess full = HpaPostprocess.full();
        HpaPostprocess quarter = HpaPostprocess.quarter();
        HpaPostprocess.Result result = null;
        for (int r = 0; r < repeats + 1; r++) { // the first round warms the JIT up and is not counted
            double[] t = new double[names.length];
            double[] c = new double[names.length];
            double[] p = new double[names.length];
            long t0 = System.nanoTime();
            long c0 = cpu();
            long p0 = processCpu();
            LabelImage only = full.labelNuclei(nuc);
            long t1 = System.nanoTime();
            long c1 = cpu();
            long p1 = processCpu();
            Segmentation seg = full.labelCell(nuc, cell);
            long t2 = System.nanoTime();
            long c2 = cpu();
            long p2 = processCpu();
            result = full.run(nuc, cell, true);
            long t3 = System.nanoTime();
            long c3 = cpu();
            long p3 = processCpu();
            quarter.run(nuc, cell, false);
            long t4 = System.nanoTime();
            long c4 = cpu();
            long p4 = processCpu();
            t[0] = (t1 - t0) / 1e9;
            t[1] = (t2 - t1) / 1e9;
            t[2] = (t2 - t0) / 1e9;
            t[3] = (t3 - t2) / 1e9;
            t[4] = (t4 - t3) / 1e9;
            c[0] = (c1 - c0) / 1e9;
            c[1] = (c2 - c1) / 1e9;
            c[2] = (c2 - c0) / 1e9;
            c[3] = Double.NaN; // two threads: only the wall time means something
            c[4] = (c4 - c3) / 1e9;
            p[0] = (p1 - p0) / 1e9;
            p[1] = (p2 - p1) / 1e9;
            p[2] = (p2 - p0) / 1e9;
            p[3] = (p3 - p2) / 1e9; // both threads: compare with the sequential row's process CPU
            p[4] = (p4 - p3) / 1e9;
            if (r > 0) {
                for (int k = 0; k < names.length; k++) {
                    best[k] = Math.min(best[k], t[k]);
                    bestCpu[k] = Math.min(bestCpu[k], c[k]);
                    bestProcess[k] = Math.min(bestProcess[k], p[k]);
                }
            }
            if (r == 0 && result != null && !(seg.cells().equalsUpToRenumbering(result.cellsAndNuclei().cells())
                    && only.equalsUpToRenumbering(result.nucleiOnly()))) {
                throw new IllegalStateException("parallel and sequential results differ");
            }
        }
        // thread CPU: this thread's work alone; process CPU: all the JVM's threads (GC and JIT included)
        System.out.printf(Locale.ROOT, "%-34s %12s %12s %12s%n", "step (best of " + repeats + ")", "wall (s)",
                "CPU (s)", "process CPU");
        for (int k = 0; k < names.length; k++) {
            System.out.printf(Locale.ROOT, "%-34s %12.3f %12s %12.3f%n", names[k], best[k],
                    Double.isNaN(bestCpu[k]) ? "-" : String.format(Locale.ROOT, "%.3f", bestCpu[k]), bestProcess[k]);
        }
        System.out.printf(Locale.ROOT, "cells: %d, nuclei in cells: %d, label_nuclei nuclei: %d%n",
                result.cellsAndNuclei().cells().objects().size(), result.cellsAndNuclei().nuclei().objects().size(),
                result.nucleiOnly().objects().size());
        if (write != null) {
            ImageFiles.writeLabels(write.resolve("java/cells.png"), result.cellsAndNuclei().cells());
            ImageFiles.writeLabels(write.resolve("java/nuclei.png"), result.cellsAndNuclei().nuclei());
            ImageFiles.writeLabels(write.resolve("java/nuclei_only.png"), result.nucleiOnly());
        }
    }

    /** CPU time of this thread (ns): under load from other processes a fairer clock than the wall. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU time of the whole JVM (ns): this thread plus the GC and JIT threads. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void writeRgb(Path path, HpaPrediction p) throws IOException {
        ImageFiles.writeRgb(path, new RgbImage(p.width(), p.height(), new int[p.width() * p.height()], p.border(),
                p.foreground()));
    }
}
