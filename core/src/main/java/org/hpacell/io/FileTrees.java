package org.hpacell.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a file or a whole folder tree. */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Deletes {@code path} and, if it is a folder, everything under it; nothing happens if it is missing.
     *
     * @throws IOException naming the file that could not be deleted
     */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new IOException(p + ": cannot delete: " + e.getMessage(), e);
                }
            }
        }
    }
}
