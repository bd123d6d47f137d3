package org.hpacell.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hpacell.atlas.LabelSet;

/** Reads a synthetic atlas's {@code cells.csv} ({@code ID,CellId,Label}): the true labels of every cell. */
final class TruthCells {
    private TruthCells() {
    }

    /**
     * @return labels by field id, then cell id
     * @throws IOException if the file cannot be read, or naming the line if a row is malformed
     */
    static Map<String, Map<Integer, LabelSet>> read(Path file) throws IOException {
        Map<String, Map<Integer, LabelSet>> out = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.strip().equals("ID,CellId,Label")) {
                throw new IOException(file + ": line 1: expected header ID,CellId,Label, got '" + header + "'");
            }
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                try {
                    if (f.length != 3) {
                        throw new IllegalArgumentException("expected 3 fields, got " + f.length);
                    }
                    out.computeIfAbsent(f[0], k -> new HashMap<>()).put(Integer.parseInt(f[1].strip()),
                            LabelSet.parse(f[2]));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }
}
