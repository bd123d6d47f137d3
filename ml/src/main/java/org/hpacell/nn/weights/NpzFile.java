package org.hpacell.nn.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hpacell.io.AtomicFiles;

/**
 * NumPy's {@code .npz}: a zip archive (stored or deflated) of {@code NAME.npy} entries, as written by
 * {@code numpy.savez} and {@code numpy.savez_compressed}. Keys are the entry names without {@code
 * .npy}.
 */
public final class NpzFile {
    private NpzFile() {}

    /** Reads every array of {@code file}, in archive order. */
    public static Map<String, HostTensor> read(Path file) throws IOException {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!name.endsWith(".npy")) {
                    throw new TensorFormatException(file + ": entry '" + name + "' is not a .npy array");
                }
                byte[] bytes = zip.readAllBytes();
                tensors.put(name.substring(0, name.length() - 4), NpyFormat.read(bytes, file + ": entry '" + name + "'"));
            }
        } catch (ZipException e) {
            throw new TensorFormatException(file + ": not a valid .npz (zip) archive: " + e.getMessage());
        }
        if (tensors.isEmpty()) {
            throw new TensorFormatException(file + ": no arrays (not an .npz archive, or empty)");
        }
        return tensors;
    }

    /** Writes {@code tensors} as float32 {@code .npy} entries, deflated, atomically. */
    public static void write(Path file, Map<String, HostTensor> tensors) throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(NpyFormat.write(e.getValue()));
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
