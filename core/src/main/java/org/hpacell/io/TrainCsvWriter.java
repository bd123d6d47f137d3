package org.hpacell.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.atlas.LabelSet;

/**
 * Streams {@code train.csv} row by row into a temporary file beside the target and renames it into
 * place on {@link #close()}, so readers never see a half-written label file. Rows are written in the
 * order {@link #add} is called; {@code add} is thread-safe. If writing a row fails, the writer is
 * broken: {@code close()} removes the temporary file and the old target (if any) stays.
 */
public final class TrainCsvWriter implements Closeable {
    private final Path target;
    private final Path tmp;
    private final BufferedWriter out;
    private boolean failed;
    private boolean closed;
    private long rows;

    private TrainCsvWriter(Path target, Path tmp, BufferedWriter out) {
        this.target = target;
        this.tmp = tmp;
        this.out = out;
    }

    /** Starts writing {@code target} (parent folders are created); the header is written at once. */
    public static TrainCsvWriter open(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        TrainCsvWriter w = new TrainCsvWriter(target, tmp, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8));
        w.line("ID,Label");
        return w;
    }

    /**
     * Appends the row {@code id,labels}.
     *
     * @throws IllegalArgumentException if the id is empty or contains a comma, quote or line break
     */
    public synchronized void add(String id, LabelSet labels) throws IOException {
        checkId(id);
        if (closed) {
            throw new IllegalStateException(target + ": writer already closed");
        }
        line(id + "," + labels);
        rows++;
    }

    /** Throws the exception {@link #add} would throw for {@code id}, before anything is written. */
    void checkId(String id) {
        if (id.isEmpty() || id.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException(target + ": ID '" + id + "' cannot be written to a CSV row");
        }
    }

    private void line(String s) throws IOException {
        try {
            out.write(s);
            out.write('\n');
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Number of rows written so far. */
    public synchronized long rows() {
        return rows;
    }

    /** Finishes the file and renames it over the target (or discards it if a write failed). */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            failed = true;
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (failed) {
            Files.deleteIfExists(tmp);
        } else {
            AtomicFiles.moveIntoPlace(tmp, target);
        }
    }
}
