package org.hpacell.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.hpacell.atlas.LabelSet;

/**
 * Streams {@code train.csv} row by row ({@link AtomicTextWriter}) and moves it into place on
 * {@link #close()}, so readers never see a half-written label file. Rows are written in the order
 * {@link #add} is called; {@code add} is thread-safe. If writing a row fails, the writer is broken:
 * {@code close()} discards the temporary file and the old target (if any) stays.
 */
public final class TrainCsvWriter implements Closeable {
    private final AtomicTextWriter out;
    private boolean failed;
    private boolean closed;
    private long rows;

    private TrainCsvWriter(AtomicTextWriter out) {
        this.out = out;
    }

    /** Starts writing {@code target} (parent folders are created); the header is written at once. */
    public static TrainCsvWriter open(Path target) throws IOException {
        TrainCsvWriter w = new TrainCsvWriter(AtomicTextWriter.open(target));
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
        line(id + "," + labels);
        rows++;
    }

    /** Throws the exception {@link #add} would throw for {@code id}, before anything is written. */
    void checkId(String id) {
        if (id.isEmpty() || id.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException(out.target() + ": ID '" + id + "' cannot be written to a CSV row");
        }
    }

    private void line(String s) throws IOException {
        try {
            out.line(s);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Number of rows written so far. */
    public synchronized long rows() {
        return rows;
    }

    /** Finishes the file and renames it over the target, or discards it if a write failed. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (failed) {
            out.close();
        } else {
            out.commit();
        }
    }
}
