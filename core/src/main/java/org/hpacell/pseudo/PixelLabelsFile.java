package org.hpacell.pseudo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.io.npz.NpyArray;
import org.hpacell.io.npz.NpzFile;

/**
 * Stores {@link PixelPseudoLabels} as a compressed {@code .npz} holding only the field's image-label
 * classes:
 * <ul>
 *   <li>{@code classes}: int32 {@code (n,)}, the class indices, ascending;</li>
 *   <li>hard labels: {@code targets}, uint8 {@code (n, height, width)} of 0/1;</li>
 *   <li>soft labels: {@code soft_targets}, uint8 {@code (n, height, width)}, the target times 255,
 *       rounded (so a read-back soft target is within 1/510 of the written one).</li>
 * </ul>
 * In Python: {@code d = numpy.load("ID.npz"); d["targets"][list(d["classes"]).index(k)]} is class k's
 * mask. A field with no image labels stores {@code n = 0}.
 */
public final class PixelLabelsFile {
    /** The file-name suffix. */
    public static final String SUFFIX = ".npz";
    private static final String CLASSES = "classes";
    private static final String HARD = "targets";
    private static final String SOFT = "soft_targets";

    private PixelLabelsFile() {
    }

    /** Writes {@code labels} atomically. */
    public static void write(Path file, PixelPseudoLabels labels) throws IOException {
        int[] classes = labels.classes().indices();
        int plane = labels.width() * labels.height();
        byte[] data = new byte[classes.length * plane];
        boolean hard = labels.mode() == TargetMode.HARD;
        for (int j = 0; j < classes.length; j++) {
            float[] t = labels.targets(classes[j]);
            int base = j * plane;
            for (int i = 0; i < plane; i++) {
                data[base + i] = (byte) (hard ? (t[i] > 0f ? 1 : 0) : Math.round(t[i] * 255f));
            }
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put(CLASSES, NpyArray.ofInts(classes, classes.length));
        arrays.put(hard ? HARD : SOFT, NpyArray.ofBytes(data, classes.length, labels.height(), labels.width()));
        NpzFile.write(file, arrays);
    }

    /**
     * Reads labels written by {@link #write} (or by NumPy in the same layout).
     *
     * @throws IOException naming the file if an array is missing, of the wrong type or shape, or a class
     *                     index is out of range or repeated
     */
    public static PixelPseudoLabels read(Path file) throws IOException {
        Map<String, NpyArray> arrays = NpzFile.read(file);
        NpyArray classes = NpzFile.require(arrays, CLASSES, file);
        boolean hard = arrays.containsKey(HARD);
        NpyArray targets = NpzFile.require(arrays, hard ? HARD : SOFT, file);
        if (classes.dtype() != NpyArray.DType.INT32 || targets.dtype() != NpyArray.DType.UINT8) {
            throw new IOException(file + ": expected int32 classes and uint8 targets, got " + classes + " and " + targets);
        }
        int[] s = targets.shape();
        int[] k = classes.ints();
        if (s.length != 3 || classes.shape().length != 1 || s[0] != k.length || s[1] <= 0 || s[2] <= 0) {
            throw new IOException(file + ": expected classes (n,) and targets (n, height, width), got "
                    + classes + " and " + targets);
        }
        int height = s[1];
        int width = s[2];
        int plane = width * height;
        byte[] data = targets.bytes();
        float[][] out = new float[Location.COUNT][];
        int bits = 0;
        for (int j = 0; j < k.length; j++) {
            if (k[j] < 0 || k[j] >= Location.COUNT || (bits & (1 << k[j])) != 0) {
                throw new IOException(file + ": class index " + k[j] + " is out of range 0..18 or repeated");
            }
            bits |= 1 << k[j];
            float[] t = new float[plane];
            for (int i = 0; i < plane; i++) {
                int v = data[j * plane + i] & 0xff;
                t[i] = hard ? (v != 0 ? 1f : 0f) : v / 255f;
            }
            out[k[j]] = t;
        }
        return new PixelPseudoLabels(width, height, hard ? TargetMode.HARD : TargetMode.SOFT,
                LabelSet.ofBits(bits), out);
    }
}
