package org.hpacell.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpacell.atlas.LabelSet;

/**
 * The image-level labels of a dataset: {@code train.csv} with header {@code ID,Label} and one row per
 * field, the label a pipe-separated list of class indices ({@code 8|5|0}).
 *
 * <p>Reading goes on past bad rows: a row with the wrong number of columns, an empty id, a label that
 * is not a list of class indices 0..18, or a second row for the same id is recorded as a
 * {@link FieldFailure} naming the file and line, and its id (if any) is listed in {@link #badIds()}.
 * Blank lines are skipped; a cell wrapped in double quotes is unwrapped.
 */
public final class TrainCsv {
    /** One good row. */
    public record Row(String id, LabelSet labels, long line) {
    }

    private final Path path;
    private final Map<String, Row> rows;
    private final Set<String> badIds;
    private final List<FieldFailure> problems;

    private TrainCsv(Path path, Map<String, Row> rows, Set<String> badIds, List<FieldFailure> problems) {
        this.path = path;
        this.rows = Collections.unmodifiableMap(rows);
        this.badIds = Collections.unmodifiableSet(badIds);
        this.problems = Collections.unmodifiableList(problems);
    }

    /**
     * Reads a label file, collecting bad rows as problems.
     *
     * @throws BadInputException if the file is missing, unreadable as UTF-8 or its header is not {@code ID,Label}
     */
    public static TrainCsv read(Path path) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        Set<String> bad = new HashSet<>();
        List<FieldFailure> problems = new ArrayList<>();
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(path, "no such file");
        }
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.replace("\uFEFF", "").strip().equalsIgnoreCase("ID,Label")) {
                throw new BadInputException(path, 1, "expected the header 'ID,Label', found "
                        + (header == null ? "an empty file" : "'" + header.strip() + "'"));
            }
            long lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    parseRow(path, line, lineNo, rows, bad, problems);
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(path, "is not UTF-8 text", e);
        }
        return new TrainCsv(path, rows, bad, problems);
    }

    private static void parseRow(Path path, String line, long lineNo, Map<String, Row> rows, Set<String> bad,
            List<FieldFailure> problems) {
        String[] cells = line.split(",", -1);
        String id = unquote(cells[0]);
        String where = path + ":" + lineNo + ": ";
        if (cells.length != 2) {
            problems.add(new FieldFailure(id, where + "expected 2 columns (ID,Label), found " + cells.length));
            markBad(id, rows, bad);
            return;
        }
        if (id.isEmpty()) {
            problems.add(new FieldFailure("", where + "empty ID"));
            return;
        }
        LabelSet labels;
        try {
            labels = LabelSet.parse(unquote(cells[1]));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldFailure(id, where + e.getMessage()));
            markBad(id, rows, bad);
            return;
        }
        Row first = rows.get(id);
        if (first != null || bad.contains(id)) {
            problems.add(new FieldFailure(id, where + "second row for ID " + id
                    + (first != null ? " (first on line " + first.line() + ")" : "")));
            markBad(id, rows, bad);
            return;
        }
        rows.put(id, new Row(id, labels, lineNo));
    }

    private static void markBad(String id, Map<String, Row> rows, Set<String> bad) {
        if (!id.isEmpty()) {
            rows.remove(id);
            bad.add(id);
        }
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }

    /** The file read. */
    public Path path() {
        return path;
    }

    /** The good rows by id, in file order. */
    public Map<String, Row> rows() {
        return rows;
    }

    /** Ids that appeared on a bad row (they have no labels). */
    public Set<String> badIds() {
        return badIds;
    }

    /** One failure per bad row, in file order. */
    public List<FieldFailure> problems() {
        return problems;
    }
}
