package org.hpacell.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A UTF-8 text file written line by line to a temporary file beside its target, which
 * {@link #commit()} moves into place ({@link AtomicFiles#moveIntoPlace}); {@link #close()} without a
 * commit deletes the temporary file and leaves any old target as it was. For streamed outputs too large
 * for {@link AtomicFiles#write}'s single callback.
 */
public final class PendingTextFile implements Closeable {
    private final Path target;
    private final Path tmp;
    private final BufferedWriter out;
    private boolean done;

    private PendingTextFile(Path target, Path tmp, BufferedWriter out) {
        this.target = target;
        this.tmp = tmp;
        this.out = out;
    }

    /** Starts a file that will replace {@code target} when committed (parent folders are created). */
    public static PendingTextFile open(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        return new PendingTextFile(target, tmp, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8));
    }

    /** Appends {@code line} and a line feed. */
    public void line(CharSequence line) throws IOException {
        if (done) {
            throw new IllegalStateException(target + " is already committed or closed");
        }
        out.append(line).append('\n');
    }

    /** Finishes the file and moves it over the target. */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException(target + " is already committed or closed");
        }
        done = true;
        try {
            out.close();
            AtomicFiles.moveIntoPlace(tmp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            try {
                out.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The file this will become. */
    public Path target() {
        return target;
    }
}
