package org.hpacell.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.hpacell.io.BadInputException;

/**
 * Short SHA-256 fingerprints of texts (config sections) and of folders. A folder's fingerprint is that
 * of its listing: the relative path, size and modification time of every regular file under it, sorted;
 * hidden files (names starting with a dot: temporary files, locks) are left out. A file that is
 * rewritten, added, removed or touched changes the fingerprint; the pixels are not read.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** The fingerprint of a text: 32 hex digits of its SHA-256. */
    public static String text(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /**
     * The fingerprint of a folder's {@link #listing}.
     *
     * @throws BadInputException if {@code dir} is not a folder
     */
    public static String folder(Path dir) throws IOException {
        return text(String.join("\n", listing(dir)));
    }

    /**
     * One line {@code path<TAB>size<TAB>modified-millis} per regular, not hidden file under {@code dir}
     * (paths relative to it, with {@code /}), sorted.
     *
     * @throws BadInputException if {@code dir} is not a folder
     */
    public static List<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, Files.exists(dir) ? "not a folder" : "no such folder");
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (hidden(dir.relativize(f))) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    lines.add(dir.relativize(f).toString().replace('\\', '/') + "\t" + a.size() + "\t"
                            + a.lastModifiedTime().toMillis());
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    /**
     * The fingerprint of some files: the name, size and modification time of each, in the order given
     * (a missing file counts as missing, so it changes the fingerprint when it appears).
     */
    public static String files(List<Path> files) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            sb.append(f.getFileName());
            if (Files.isRegularFile(f)) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                sb.append('\t').append(a.size()).append('\t').append(a.lastModifiedTime().toMillis());
            } else {
                sb.append("\tmissing");
            }
            sb.append('\n');
        }
        return text(sb.toString());
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
