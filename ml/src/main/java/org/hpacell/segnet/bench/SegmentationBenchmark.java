package org.hpacell.segnet.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.image.FieldImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.metric.InstanceMatch;
import org.hpacell.segment.CellSegmenter;
import org.hpacell.segment.ClassicalSegmenter;
import org.hpacell.segment.NetworkSegmenter;
import org.hpacell.segment.Segmentation;
import org.hpacell.segment.SegmentationScore;
import org.hpacell.segnet.ShippedSegmenter;

/**
 * Compares the segmenters on a synthetic atlas with true label images: class-agnostic instance AP at
 * IoU 0.6 ({@link InstanceMatch}) of cells and nuclei, and time per field (wall clock and process CPU),
 * for the classical segmenter and hpacell's U-Nets with full-scale and quarter-scale post-processing.
 * Methods run interleaved field by field on one thread, so they share whatever load the machine has.
 * The first field is segmented once by every method before timing (class loading, engine start-up).
 *
 * <p>Usage: {@code SegmentationBenchmark DATA [MODEL]}: DATA a folder from {@code hpacell synth}, MODEL a
 * folder from {@code hpacell train-segmenter} (default: the shipped model).
 */
public final class SegmentationBenchmark {
    private SegmentationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SegmentationBenchmark DATA [MODEL]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path model = args.length > 1 ? Path.of(args[1]) : null;
        try (NetworkSegmenter full = ShippedSegmenter.segmenter(model, false);
             NetworkSegmenter quarter = ShippedSegmenter.segmenter(model, true)) {
            Map<String, CellSegmenter> methods = new LinkedHashMap<>();
            methods.put("classical", new ClassicalSegmenter());
            methods.put("unet (full post-processing)", full);
            methods.put("unet (quarter post-processing)", quarter);
            print(run(data, methods), System.out);
        }
    }

    /** Scores every method on every field of {@code data}, interleaved. */
    public static Map<String, SegmentationScore> run(Path data, Map<String, CellSegmenter> methods) throws IOException {
        HpaDataset ds = HpaDataset.open(data, HpaDataset.LabelPolicy.OPTIONAL);
        List<String> ids = ds.ids();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(data + ": no fields");
        }
        FieldImage first = ds.read(ids.get(0));
        methods.values().forEach(m -> m.segment(first));
        Map<String, SegmentationScore> scores = new LinkedHashMap<>();
        methods.keySet().forEach(k -> scores.put(k, SegmentationScore.EMPTY));
        for (String id : ids) {
            FieldImage field = ds.read(id);
            Segmentation truth = SegmentationScore.truth(data, id);
            for (Map.Entry<String, CellSegmenter> m : methods.entrySet()) {
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                Segmentation s = m.getValue().segment(field);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                scores.put(m.getKey(), scores.get(m.getKey()).plus(s, truth, seconds, cpu));
            }
        }
        return scores;
    }

    /** The results as a table. */
    public static void print(Map<String, SegmentationScore> scores, PrintStream out) {
        out.printf(Locale.ROOT, "%-32s %6s %9s %9s %9s %9s %9s %9s%n", "method", "fields", "cells AP", "cells P",
                "cells R", "nuclei AP", "ms/field", "CPU ms");
        for (Map.Entry<String, SegmentationScore> e : scores.entrySet()) {
            SegmentationScore s = e.getValue();
            out.printf(Locale.ROOT, "%-32s %6d %9.4f %9.4f %9.4f %9.4f %9.1f %9.1f%n", e.getKey(), s.fields(),
                    s.cells().averagePrecision(), s.cells().precision(), s.cells().recall(),
                    s.nuclei().averagePrecision(), s.millisPerField(), s.cpuMillisPerField());
        }
        for (Map.Entry<String, SegmentationScore> e : scores.entrySet()) {
            out.printf(Locale.ROOT, "%s: cells %s; nuclei %s%n", e.getKey(), e.getValue().cells(), e.getValue().nuclei());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
