package org.hpacell.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.atlas.Location;
import org.hpacell.io.AtomicFiles;

/**
 * The per-epoch metrics as CSV ({@code epoch,lr,train_loss,train_<part>...,val_loss,val_macro_ap,seconds,
 * ap_0..ap_18}), rewritten atomically after every epoch. Empty cells are {@code NaN}.
 */
public final class MetricsLog {
    private final Path file;
    private final List<EpochMetrics> rows = new ArrayList<>();

    public MetricsLog(Path file) {
        this.file = file;
    }

    public List<EpochMetrics> rows() {
        return List.copyOf(rows);
    }

    /** Appends a row and rewrites the file. */
    public void append(EpochMetrics m) throws IOException {
        rows.add(m);
        AtomicFiles.writeString(file, format());
    }

    /**
     * Reads an existing log, keeping the rows of epochs {@code <= lastEpoch} (a resumed run drops rows
     * written after its checkpoint).
     */
    public static MetricsLog resume(Path file, int lastEpoch) throws IOException {
        MetricsLog log = new MetricsLog(file);
        if (!Files.exists(file)) {
            return log;
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            return log;
        }
        String[] header = lines.get(0).split(",", -1);
        for (int li = 1; li < lines.size(); li++) {
            String[] cells = lines.get(li).split(",", -1);
            if (cells.length != header.length) {
                throw new IOException(file + " line " + (li + 1) + ": " + cells.length + " cells, header has "
                        + header.length);
            }
            Map<String, Double> byName = new LinkedHashMap<>();
            Map<String, Double> parts = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                double v = cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]);
                byName.put(header[c], v);
                if (header[c].startsWith("train_") && !header[c].equals("train_loss")) {
                    parts.put(header[c].substring("train_".length()), v);
                }
            }
            int epoch = byName.get("epoch").intValue();
            if (epoch > lastEpoch) {
                continue;
            }
            double[] ap = new double[Location.COUNT];
            for (int k = 0; k < ap.length; k++) {
                ap[k] = byName.getOrDefault("ap_" + k, Double.NaN);
            }
            log.rows.add(new EpochMetrics(epoch, byName.get("lr"), byName.get("train_loss"), parts,
                    byName.get("val_loss"), byName.get("val_macro_ap"), ap, byName.get("seconds")));
        }
        return log;
    }

    private String format() {
        StringBuilder sb = new StringBuilder("epoch,lr,train_loss");
        List<String> parts = rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).trainParts().keySet());
        for (String p : parts) {
            sb.append(",train_").append(p);
        }
        sb.append(",val_loss,val_macro_ap,seconds");
        for (int k = 0; k < Location.COUNT; k++) {
            sb.append(",ap_").append(k);
        }
        sb.append('\n');
        for (EpochMetrics m : rows) {
            sb.append(m.epoch()).append(',').append(num(m.learningRate())).append(',').append(num(m.trainLoss()));
            for (String p : parts) {
                sb.append(',').append(num(m.trainParts().getOrDefault(p, Double.NaN)));
            }
            sb.append(',').append(num(m.valLoss())).append(',').append(num(m.valMacroAp()))
                    .append(',').append(String.format(Locale.ROOT, "%.1f", m.seconds()));
            Arrays.stream(m.classAp()).forEach(v -> sb.append(',').append(num(v)));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
