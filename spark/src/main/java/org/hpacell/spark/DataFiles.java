package org.hpacell.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files behind Hadoop URIs ({@code file:}, {@code hdfs:}, {@code s3a:}, ... or a plain local path), as
 * local files for the readers and writers of hpacell, which work on {@link java.nio.file.Path}s: a local
 * file is used in place; a remote one is copied to a local folder first, or written locally and then
 * moved into place.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** The local file of {@code path} if its file system is the local one, else {@code null}. */
    public static java.nio.file.Path localFile(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) {
            return local.pathToFile(path).toPath();
        }
        return null;
    }

    /**
     * The file or folder {@code path} as a local path: itself if local, else a copy under {@code scratch}
     * (named as the original).
     */
    public static java.nio.file.Path fetch(Path path, Configuration conf, java.nio.file.Path scratch)
            throws IOException {
        java.nio.file.Path local = localFile(path, conf);
        if (local != null) {
            return local;
        }
        Files.createDirectories(scratch);
        java.nio.file.Path copy = scratch.resolve(path.getName());
        FileSystem fs = path.getFileSystem(conf);
        FileUtil.copy(fs, path, copy.toFile(), false, conf);
        return copy;
    }

    /**
     * Moves a finished local file to {@code target}, replacing it: the file is copied beside the target
     * under a temporary name and renamed, so readers never see a partial file and a repeated publication
     * (a retried task) leaves one whole file. Replacing is delete-then-rename (Hadoop's rename does not
     * overwrite), so for a moment there may be no file at all, never a partial one.
     */
    public static void publish(java.nio.file.Path file, Path target, Configuration conf) throws IOException {
        FileSystem fs = target.getFileSystem(conf);
        Path tmp = temporary(target);
        fs.copyFromLocalFile(false, true, new Path(file.toUri()), tmp);
        replace(fs, tmp, target);
    }

    /** Writes {@code lines} (each followed by a line break) to {@code target}, whole or not at all, as {@link #publish}. */
    public static void writeLines(Path target, Iterator<String> lines, Configuration conf) throws IOException {
        FileSystem fs = target.getFileSystem(conf);
        Path tmp = temporary(target);
        try (Writer w = new OutputStreamWriter(fs.create(tmp, true), StandardCharsets.UTF_8)) {
            while (lines.hasNext()) {
                w.write(lines.next());
                w.write('\n');
            }
        } catch (IOException | RuntimeException e) {
            fs.delete(tmp, false);
            throw e;
        }
        replace(fs, tmp, target);
    }

    private static Path temporary(Path target) {
        return new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    }

    private static void replace(FileSystem fs, Path tmp, Path target) throws IOException {
        fs.mkdirs(target.getParent());
        if (fs.exists(target)) {
            fs.delete(target, false);
        }
        if (!fs.rename(tmp, target)) {
            fs.delete(tmp, false);
            throw new IOException(target + ": could not move the finished file into place");
        }
    }
}
