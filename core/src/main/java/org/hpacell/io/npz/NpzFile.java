package org.hpacell.io.npz;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.hpacell.io.AtomicFiles;

/**
 * {@code .npz} archives: a zip of {@code NAME.npy} entries. {@link #write} stores every entry
 * deflated, like {@code numpy.savez_compressed}; {@code numpy.load(path)[NAME]} gives the array back.
 * {@link #read} accepts stored or deflated entries, as NumPy writes both.
 */
public final class NpzFile {
    private NpzFile() {
    }

    /**
     * Writes the arrays, in the map's iteration order, atomically (a killed job leaves no partial file).
     *
     * @param arrays entry name (without {@code .npy}) to array
     */
    public static void write(Path target, Map<String, NpyArray> arrays) throws IOException {
        AtomicFiles.write(target, out -> write(out, arrays));
    }

    /** Writes the archive to a stream (which is finished but not closed). */
    public static void write(OutputStream out, Map<String, NpyArray> arrays) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(nonClosing(out), 1 << 16));
        zip.setMethod(ZipOutputStream.DEFLATED);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.contains("/")) {
                throw new IllegalArgumentException("bad .npz entry name '" + name + "'");
            }
            zip.putNextEntry(new ZipEntry(name + ".npy"));
            NpyFormat.write(zip, e.getValue());
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
        zip.close();
    }

    /**
     * Reads every {@code .npy} entry, keyed by its name without {@code .npy}, in archive order.
     *
     * @throws IOException naming the file (and entry) if it is not a readable {@code .npz}
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        return read(file, NpyFormat::read);
    }

    /** Decodes one {@code .npy} entry of an archive. */
    @FunctionalInterface
    public interface EntryReader<T> {
        /**
         * @param in the entry's bytes, positioned at the {@code .npy} magic
         * @param source the file and entry, for error messages
         */
        T read(InputStream in, String source) throws IOException;
    }

    /**
     * Reads every {@code .npy} entry with {@code reader} (e.g. {@code NpyFormat::read}, or a reader that
     * widens with {@link NpyFormat#readAsFloats}), keyed by its name without {@code .npy}, in archive
     * order. Other entries and folders are skipped, as {@code numpy.load} does not return them as arrays.
     *
     * @throws IOException naming the file (and entry) if it is not a readable {@code .npz}
     */
    public static <T> Map<String, T> read(Path file, EntryReader<T> reader) throws IOException {
        Map<String, T> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            for (ZipEntry entry : Collections.list(entries)) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".npy")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    out.put(name.substring(0, name.length() - 4), reader.read(in, file + ":" + name));
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": no arrays, not a readable .npz (zip) file: " + e.getMessage(), e);
        }
        return out;
    }

    /** The named array of {@code arrays}, or an error naming the file and the missing entry. */
    public static NpyArray require(Map<String, NpyArray> arrays, String name, Path file) throws IOException {
        NpyArray a = arrays.get(name);
        if (a == null) {
            throw new IOException(file + ": no array '" + name + "' (has " + arrays.keySet() + ")");
        }
        return a;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
