package org.hpacell.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A UTF-8 text file streamed line by line into a temporary file beside its target and renamed over the
 * target by {@link #commit()}. {@link #close()} without a commit (e.g. when an exception leaves a
 * try-with-resources block) deletes the temporary file and leaves the old target as it was, so a failed
 * job never leaves a half-written file that looks whole. Not thread-safe.
 */
public final class AtomicTextWriter implements Closeable {
    private final Path target;
    private final Path tmp;
    private final BufferedWriter out;
    private boolean closed;

    private AtomicTextWriter(Path target, Path tmp, BufferedWriter out) {
        this.target = target;
        this.tmp = tmp;
        this.out = out;
    }

    /** Starts writing {@code target}; parent folders are created. */
    public static AtomicTextWriter open(Path target) throws IOException {
        Path tmp = AtomicFiles.createTemp(target);
        return new AtomicTextWriter(target, tmp, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8));
    }

    /** The file this writer will replace. */
    public Path target() {
        return target;
    }

    /** Appends {@code text} and a line feed. */
    public void line(String text) throws IOException {
        if (closed) {
            throw new IllegalStateException(target + ": writer already closed");
        }
        try {
            out.write(text);
            out.write('\n');
        } catch (IOException e) { // e.g. the disk is full: name the target, not the temporary file
            throw IoProblems.cannotWrite(target, e);
        }
    }

    /** Finishes the file and renames it over the target (an atomic move where supported). */
    public void commit() throws IOException {
        if (closed) {
            throw new IllegalStateException(target + ": writer already closed");
        }
        closed = true;
        try {
            out.close();
            AtomicFiles.moveIntoPlace(tmp, target);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw IoProblems.cannotWrite(target, e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Discards the temporary file unless {@link #commit()} ran; does nothing after a commit. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
