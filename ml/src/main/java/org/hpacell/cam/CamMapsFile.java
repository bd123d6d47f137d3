package org.hpacell.cam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpacell.io.npz.NpyArray;
import org.hpacell.io.npz.NpzFile;

/**
 * Stores {@link CamMaps} as a compressed {@code .npz}: {@code maps}, float32 of shape
 * {@code (classes, height, width)}, and {@code probabilities}, float32 of shape {@code (classes,)}. In
 * Python: {@code d = numpy.load("ID.npz"); d["maps"][c]} is class c's map. The field id is the file
 * name without {@code .npz}.
 */
public final class CamMapsFile {
    /** The file-name suffix. */
    public static final String SUFFIX = ".npz";

    private CamMapsFile() {
    }

    /** The file of field {@code id} in {@code dir}. */
    public static Path of(Path dir, String id) {
        return dir.resolve(id + SUFFIX);
    }

    /** Writes {@code maps} atomically. */
    public static void write(Path file, CamMaps maps) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("maps", NpyArray.ofFloats(maps.array(), maps.numClasses(), maps.height(), maps.width()));
        arrays.put("probabilities", NpyArray.ofFloats(maps.probabilities(), maps.numClasses()));
        NpzFile.write(file, arrays);
    }

    /** Reads maps written by {@link #write} (or by NumPy in the same layout), checking the shapes. */
    public static CamMaps read(Path file) throws IOException {
        Map<String, NpyArray> arrays = NpzFile.read(file);
        NpyArray maps = NpzFile.require(arrays, "maps", file);
        NpyArray probs = NpzFile.require(arrays, "probabilities", file);
        int[] s = maps.shape();
        if (maps.dtype() != NpyArray.DType.FLOAT32 || probs.dtype() != NpyArray.DType.FLOAT32) {
            throw new IOException(file + ": maps and probabilities must be float32");
        }
        if (s.length != 3 || probs.shape().length != 1 || probs.shape()[0] != s[0]) {
            throw new IOException(file + ": expected maps (classes, height, width) and probabilities (classes,), got "
                    + maps + " and " + probs);
        }
        String name = file.getFileName().toString();
        String id = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        return new CamMaps(id, s[2], s[1], maps.floats(), probs.floats());
    }
}
