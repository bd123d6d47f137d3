package org.hpacell.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields a job skipped, as a CSV file {@code ID,error} (the error in double quotes, inner quotes
 * doubled, one line per field), for users and for a resumed job that has to report them again.
 */
public final class FailuresCsv {
    /** The header line. */
    public static final String HEADER = "ID,error";

    private FailuresCsv() {
    }

    /** Writes the failures atomically (a header only when there are none). */
    public static void write(Path file, List<FieldFailure> failures) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (FieldFailure f : failures) {
            sb.append(f.fieldId()).append(",\"").append(f.message().replace("\n", " ").replace("\"", "\"\""))
                    .append("\"\n");
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Reads a file {@link #write} wrote.
     *
     * @throws BadInputException naming the file and line of a malformed row
     */
    public static List<FieldFailure> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new BadInputException(file, 1, "expected the header " + HEADER);
        }
        List<FieldFailure> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int comma = line.indexOf(",\"");
            if (comma < 0 || !line.endsWith("\"") || line.length() < comma + 3) {
                throw new BadInputException(file, i + 1, "expected ID,\"error\"");
            }
            out.add(new FieldFailure(line.substring(0, comma),
                    line.substring(comma + 2, line.length() - 1).replace("\"\"", "\"")));
        }
        return out;
    }
}
