package org.hpacell.pseudo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpacell.atlas.Location;
import org.hpacell.io.AtomicFiles;

/**
 * Cell pseudo labels as CSV: header {@code ID,cell,0,1,...,18}, then one row per cell: the field id,
 * the cell's id in the field's cell label image, and its 19 grades ({@code 0}, {@code 0.25},
 * {@code 0.5}, {@code 0.75} or {@code 1}) in class-index order. Rows of a field are contiguous, cells
 * ascending.
 */
public final class CellLabelsCsv {
    private CellLabelsCsv() {
    }

    /** The header line. */
    public static String header() {
        StringBuilder sb = new StringBuilder("ID,cell");
        for (int k = 0; k < Location.COUNT; k++) {
            sb.append(',').append(k);
        }
        return sb.toString();
    }

    /** Writes the fields' labels atomically, in list order. */
    public static void write(Path file, List<CellPseudoLabels> fields) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(header());
            w.write('\n');
            for (CellPseudoLabels f : fields) {
                for (int r = 0; r < f.size(); r++) {
                    w.write(f.fieldId());
                    w.write(',');
                    w.write(Integer.toString(f.cellId(r)));
                    for (int k = 0; k < Location.COUNT; k++) {
                        w.write(',');
                        w.write(format(f.grade(r, k)));
                    }
                    w.write('\n');
                }
            }
            w.flush();
        });
    }

    private static String format(Grade g) {
        return switch (g) {
            case NONE -> "0";
            case WEAK -> "0.25";
            case MEDIUM -> "0.5";
            case STRONG -> "0.75";
            case FULL -> "1";
        };
    }

    /**
     * Reads a file written by {@link #write}, keyed by field id in file order.
     *
     * @throws IOException naming the file and line of the first malformed row (wrong header, wrong
     *                     column count, a value that is not a grade, a field's rows not contiguous, cell
     *                     ids not ascending)
     */
    public static Map<String, CellPseudoLabels> read(Path file) throws IOException {
        Map<String, CellPseudoLabels> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String head = r.readLine();
            if (head == null || !head.strip().equals(header())) {
                throw new IOException(file + ": line 1: expected header '" + header() + "'");
            }
            String line;
            int lineNo = 1;
            String current = null;
            List<Integer> ids = new ArrayList<>();
            List<Grade[]> rows = new ArrayList<>();
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] cols = line.split(",", -1);
                if (cols.length != 2 + Location.COUNT) {
                    throw new IOException(file + ": line " + lineNo + ": expected " + (2 + Location.COUNT)
                            + " columns, got " + cols.length);
                }
                String id = cols[0].strip();
                if (!id.equals(current)) {
                    flush(file, lineNo, current, ids, rows, out);
                    if (out.containsKey(id)) {
                        throw new IOException(file + ": line " + lineNo + ": rows of field " + id + " are not contiguous");
                    }
                    current = id;
                }
                try {
                    int cell = Integer.parseInt(cols[1].strip());
                    Grade[] g = new Grade[Location.COUNT];
                    for (int k = 0; k < Location.COUNT; k++) {
                        g[k] = Grade.ofValue(Float.parseFloat(cols[2 + k].strip()));
                    }
                    ids.add(cell);
                    rows.add(g);
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": line " + lineNo + ": " + e.getMessage(), e);
                }
            }
            flush(file, lineNo, current, ids, rows, out);
        }
        return out;
    }

    private static void flush(Path file, int lineNo, String field, List<Integer> ids, List<Grade[]> rows,
                              Map<String, CellPseudoLabels> out) throws IOException {
        if (field == null) return;
        int[] cellIds = new int[ids.size()];
        for (int i = 0; i < cellIds.length; i++) {
            cellIds[i] = ids.get(i);
        }
        try {
            out.put(field, new CellPseudoLabels(field, cellIds, rows.toArray(new Grade[0][])));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": before line " + lineNo + ": " + e.getMessage(), e);
        }
        ids.clear();
        rows.clear();
    }
}
