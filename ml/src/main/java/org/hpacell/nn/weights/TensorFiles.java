package org.hpacell.nn.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Reads and writes tensor files by extension: {@code .safetensors} or {@code .npz}. */
public final class TensorFiles {
    private TensorFiles() {}

    /** Reads every tensor of a {@code .safetensors} or {@code .npz} file. */
    public static Map<String, HostTensor> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such weight file");
        }
        return switch (extension(file)) {
            case "safetensors" -> SafetensorsFile.read(file);
            case "npz" -> NpzFile.read(file);
            default -> throw new TensorFormatException(
                    file + ": unknown weight file type (expected .safetensors or .npz)");
        };
    }

    /** Writes float32 tensors to a {@code .safetensors} or {@code .npz} file, atomically. */
    public static void write(Path file, Map<String, HostTensor> tensors) throws IOException {
        switch (extension(file)) {
            case "safetensors" -> SafetensorsFile.write(file, tensors);
            case "npz" -> NpzFile.write(file, tensors);
            default -> throw new TensorFormatException(
                    file + ": unknown weight file type (expected .safetensors or .npz)");
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
