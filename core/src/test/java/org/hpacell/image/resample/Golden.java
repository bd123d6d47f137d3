package org.hpacell.image.resample;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import org.hpacell.io.npz.NpyFormat;
import org.hpacell.io.npz.NpyHeader;
import org.hpacell.io.npz.NpzFile;

/**
 * golden.npz of make_resample_golden.py: every entry as {@code double[]} ({@code float64} entries at
 * full precision, the others widened).
 */
final class Golden {
    private final Map<String, double[]> arrays;
    private final Map<String, int[]> shapes = new java.util.HashMap<>();

    private Golden(Map<String, double[]> arrays) {
        this.arrays = arrays;
    }

    static Golden load() throws Exception {
        Path file = Path.of(Golden.class.getResource("/resample/golden.npz").toURI());
        java.util.HashMap<String, int[]> shapes = new java.util.HashMap<>();
        Map<String, double[]> arrays = NpzFile.read(file, (in, source) -> {
            NpyHeader h = NpyFormat.readHeader(in, source);
            shapes.put(source.substring(source.lastIndexOf(':') + 1).replace(".npy", ""), h.shape());
            return h.descr().equals("<f8") ? doubles(in, h) : widen(NpyFormat.readAsFloats(in, h, source).floats());
        });
        Golden g = new Golden(arrays);
        g.shapes.putAll(shapes);
        return g;
    }

    private static double[] doubles(InputStream in, NpyHeader h) throws IOException {
        int n = 1;
        for (int d : h.shape()) {
            n *= d;
        }
        byte[] bytes = new byte[n * 8];
        new DataInputStream(in).readFully(bytes);
        double[] out = new double[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    private static double[] widen(float[] f) {
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    double[] get(String key) {
        double[] a = arrays.get(key);
        if (a == null) {
            throw new IllegalArgumentException("golden.npz has no " + key + " (has " + arrays.keySet() + ")");
        }
        return a;
    }

    boolean has(String key) {
        return arrays.containsKey(key);
    }

    /** The entry's shape (rows first). */
    int[] shape(String key) {
        return shapes.get(key);
    }

    static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static int[] ints(double[] d) {
        int[] v = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            v[i] = (int) d[i];
        }
        return v;
    }
}
