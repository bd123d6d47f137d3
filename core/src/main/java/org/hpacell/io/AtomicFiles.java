package org.hpacell.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files under a temporary name in the target's folder and renames them into place, so a
 * killed job never leaves a half-written file that looks whole.
 */
public final class AtomicFiles {
    /** Writes the content of one file to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> PUBLISHED =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically: the content goes to {@code .target.NNN.tmp} beside it, which is
     * renamed over {@code target} once complete (an atomic move where the file system supports it).
     * Parent folders are created. On failure the temporary file is removed and the old target stays.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path tmp = createTemp(target);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            moveIntoPlace(tmp, target);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw IoProblems.cannotWrite(target, e);
        } catch (RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Creates the temporary file of {@code target} (and its parent folders).
     *
     * @throws IOException naming the target, not the temporary file, if the folder is not writable
     */
    static Path createTemp(Path target) throws IOException {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        } catch (IOException e) {
            throw IoProblems.cannotWrite(target, e);
        }
    }

    /** {@link #write(Path, Writer)} for a string in UTF-8. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Renames a finished temporary file over its target (atomically where supported). Temporary files
     * are created owner-only (0600); the published file gets the usual 0644 ({@code rw-r--r--}) where the
     * file system has POSIX permissions.
     */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, PUBLISHED);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its defaults
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Removes the temporary files ({@code .NAME<digits>.tmp}) that writes killed mid-way left anywhere
     * under {@code folder}. Call it only while holding the folder's lock, so no live writer loses its file.
     *
     * @return how many were removed (0 if the folder does not exist)
     */
    public static int removeLeftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            return removeAll(files.filter(f -> LEFTOVER.matcher(f.getFileName().toString()).matches()).toList());
        }
    }

    /** Removes the temporary files that killed writes of {@code target} (and only of it) left beside it. */
    public static int removeLeftoversOf(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        String prefix = "." + target.getFileName();
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return removeAll(files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(prefix) && LEFTOVER.matcher(n).matches()
                        && n.substring(prefix.length()).matches("-?\\d+\\.tmp");
            }).toList());
        }
    }

    private static final java.util.regex.Pattern LEFTOVER = java.util.regex.Pattern.compile("\\..+-?\\d+\\.tmp");

    private static int removeAll(java.util.List<Path> files) throws IOException {
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
        return files.size();
    }

    /** {@link #write(Path, Writer)} that throws {@link UncheckedIOException}, for lambdas. */
    public static void writeUnchecked(Path target, Writer writer) {
        try {
            write(target, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
