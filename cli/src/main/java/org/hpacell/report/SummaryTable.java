package org.hpacell.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cell-level mAP of every method a run evaluated: the pipeline's {@code evaluation.json}
 * ({@code {"cellMap": {"method": mAP, ...}}}), then any further rows of the demo's {@code summary.md}
 * (a Markdown table {@code | method | mAP |}, which adds the oracle).
 */
final class SummaryTable {
    /** A table row of summary.md with a number: {@code | name | 0.1234 |}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(.+?)\\s*\\|\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?\\d+)?)"
            + "\\s*\\|\\s*$", Pattern.MULTILINE);

    private SummaryTable() {
    }

    /**
     * Reads the methods' mAP in table order (empty if neither file exists).
     *
     * @throws IOException naming the file if one exists but cannot be read or parsed
     */
    static Map<String, Double> read(Path evaluationJson, Optional<Path> summaryMd) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        if (Files.exists(evaluationJson)) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(evaluationJson.toFile());
            } catch (IOException e) {
                throw new IOException(evaluationJson + ": not valid JSON: " + e.getMessage(), e);
            }
            JsonNode maps = root.path("cellMap");
            if (!maps.isObject()) {
                throw new IOException(evaluationJson + ": no \"cellMap\" object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = maps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNumber()) {
                    throw new IOException(evaluationJson + ": cellMap." + e.getKey() + " is not a number");
                }
                out.put(e.getKey(), e.getValue().asDouble());
            }
        }
        if (summaryMd.isPresent() && Files.exists(summaryMd.get())) {
            Matcher m = ROW.matcher(Files.readString(summaryMd.get()));
            while (m.find()) {
                out.putIfAbsent(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return out;
    }
}
