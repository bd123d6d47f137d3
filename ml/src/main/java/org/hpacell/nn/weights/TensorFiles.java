package org.hpacell.nn.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hpacell.io.npz.NpyArray;
import org.hpacell.io.npz.NpyFormat;
import org.hpacell.io.npz.NpyHeader;
import org.hpacell.io.npz.NpzFile;

/**
 * Reads and writes tensor files by extension: {@code .safetensors} or {@code .npz} (through the
 * project's npy/npz codec, {@link org.hpacell.io.npz}).
 */
public final class TensorFiles {
    private TensorFiles() {}

    /** Reads every tensor of a {@code .safetensors} or {@code .npz} file. */
    public static Map<String, HostTensor> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such weight file");
        }
        return switch (extension(file)) {
            case "safetensors" -> SafetensorsFile.read(file);
            case "npz" -> readNpz(file);
            default -> throw new TensorFormatException(
                    file + ": unknown weight file type (expected .safetensors or .npz)");
        };
    }

    /** Writes float32 tensors to a {@code .safetensors} or {@code .npz} file, atomically. */
    public static void write(Path file, Map<String, HostTensor> tensors) throws IOException {
        switch (extension(file)) {
            case "safetensors" -> SafetensorsFile.write(file, tensors);
            case "npz" -> writeNpz(file, tensors);
            default -> throw new TensorFormatException(
                    file + ": unknown weight file type (expected .safetensors or .npz)");
        }
    }

    /** Every array of an {@code .npz}, whatever its NumPy type and layout, widened to float32 in C order. */
    private static Map<String, HostTensor> readNpz(Path file) throws IOException {
        Map<String, HostTensor> tensors = NpzFile.read(file, (in, source) -> {
            NpyHeader header = NpyFormat.readHeader(in, source);
            NpyArray array = NpyFormat.readAsFloats(in, header, source);
            long[] shape = java.util.Arrays.stream(array.shape()).asLongStream().toArray();
            return new HostTensor(shape, array.floats(), header.descr());
        });
        if (tensors.isEmpty()) {
            throw new TensorFormatException(file + ": no arrays (not an .npz archive, or empty)");
        }
        return tensors;
    }

    /** Writes the tensors as float32 {@code .npy} entries, deflated, atomically. */
    private static void writeNpz(Path file, Map<String, HostTensor> tensors) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
            long[] shape = e.getValue().shape();
            int[] dims = new int[shape.length];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = Math.toIntExact(shape[i]);
            }
            arrays.put(e.getKey(), NpyArray.ofFloats(e.getValue().values(), dims));
        }
        NpzFile.write(file, arrays);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
