package org.hpacell.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the rows of a Kaggle HPA submission (or a ground-truth file in the same layout), one row at
 * a time, so a file of thousands of fields is never held in memory. Mask strings are not decoded here.
 *
 * <p>A malformed row gives a {@link SubmissionFormatException} naming the file and line; the reader
 * stays usable, so a caller may collect the errors and go on with the next row. Blank lines are
 * skipped; a UTF-8 byte-order mark and CRLF line ends are accepted.
 *
 * <pre>{@code
 * try (SubmissionReader in = SubmissionReader.open(path)) {
 *     for (SubmissionRow row; (row = in.next()) != null; ) { ... in.lineNumber() ... }
 * }
 * }</pre>
 */
public final class SubmissionReader implements Closeable {
    private final Path file;
    private final BufferedReader in;
    private long line;

    private SubmissionReader(Path file, BufferedReader in) {
        this.file = file;
        this.in = in;
    }

    /**
     * Opens a file and checks its header.
     *
     * @throws SubmissionFormatException if the header is not {@code ID,ImageWidth,ImageHeight,PredictionString}
     * @throws IOException               if the file cannot be read
     */
    public static SubmissionReader open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a folder, expected a submission CSV file");
        }
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        SubmissionReader r = new SubmissionReader(file, in);
        try {
            String header = r.readLine();
            r.line = 1;
            if (header == null) {
                throw new SubmissionFormatException(file, 1, "empty file, expected the header " + SubmissionFormat.HEADER);
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (!header.strip().equals(SubmissionFormat.HEADER)) {
                throw new SubmissionFormatException(file, 1, "header is '" + abbreviate(header) + "', expected "
                        + SubmissionFormat.HEADER);
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return r;
    }

    /**
     * Every row of {@code file}, in file order: for files small enough to hold at once (a test's output,
     * the few fields a report draws). Large submissions are read row by row with {@link #next()}.
     *
     * @throws SubmissionFormatException at the first malformed row or a bad header
     */
    public static List<SubmissionRow> readAll(Path file) throws IOException {
        List<SubmissionRow> out = new ArrayList<>();
        try (SubmissionReader in = open(file)) {
            for (SubmissionRow r = in.next(); r != null; r = in.next()) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The next row, or {@code null} at the end of the file.
     *
     * @throws SubmissionFormatException if the row is malformed (the next call reads the following row)
     */
    public SubmissionRow next() throws IOException {
        String text;
        do {
            text = readLine();
            if (text == null) {
                return null;
            }
            line++;
        } while (text.isBlank());
        try {
            return SubmissionFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SubmissionFormatException(file, line, e.getMessage());
        }
    }

    /** The next line; bytes that are not UTF-8 (a binary file given as a CSV) name the file and line. */
    private String readLine() throws IOException {
        try {
            return in.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SubmissionFormatException(file, line + 1, "not UTF-8 text (a binary file?)");
        }
    }

    /** The line number of the row last returned (or rejected); 1 after the header. */
    public long lineNumber() {
        return line;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
