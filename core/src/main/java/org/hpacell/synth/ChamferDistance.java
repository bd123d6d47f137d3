package org.hpacell.synth;

import java.util.Arrays;

/**
 * Approximate Euclidean distance transforms by two-pass 3x3 chamfer propagation (steps 1 and
 * sqrt 2; within about 8% of the Euclidean distance). Distances propagate only between pixels of the
 * same region id, so each cell's distances are measured inside that cell.
 */
final class ChamferDistance {
    private static final float DIAG = (float) Math.sqrt(2);
    static final float FAR = 1e9f;

    private ChamferDistance() {
    }

    /**
     * Distance, inside each object of {@code labels}, to the object's edge: pixels with a 4-neighbour of
     * another id are at 0. The image border is not an edge (a cell cut by the border has no membrane
     * there). Background pixels get 0.
     */
    static float[] toEdge(int w, int h, int[] labels) {
        float[] d = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int v = labels[i];
                boolean edge = v == 0
                        || (x > 0 && labels[i - 1] != v) || (x < w - 1 && labels[i + 1] != v)
                        || (y > 0 && labels[i - w] != v) || (y < h - 1 && labels[i + w] != v);
                d[i] = edge ? 0 : FAR;
            }
        }
        // No region test needed: a path to another object's edge crosses this object's edge first.
        propagate(w, h, null, d);
        return d;
    }

    /**
     * Distance, inside each object of {@code regions}, to the nearest pixel where {@code seeds} is
     * non-zero; {@link #FAR} where a region holds no seed.
     */
    static float[] toSeeds(int w, int h, int[] regions, int[] seeds) {
        float[] d = new float[w * h];
        Arrays.fill(d, FAR);
        for (int i = 0; i < d.length; i++) {
            if (seeds[i] != 0) d[i] = 0;
        }
        propagate(w, h, regions, d);
        return d;
    }

    /** Two chamfer passes; with {@code r == null} distances propagate between all pixels. */
    private static void propagate(int w, int h, int[] r, float[] d) {
        if (r == null) {
            r = new int[w * h];
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float v = d[i];
                if (v == 0) continue;
                int id = r[i];
                if (x > 0 && r[i - 1] == id) v = Math.min(v, d[i - 1] + 1);
                if (y > 0) {
                    int u = i - w;
                    if (r[u] == id) v = Math.min(v, d[u] + 1);
                    if (x > 0 && r[u - 1] == id) v = Math.min(v, d[u - 1] + DIAG);
                    if (x < w - 1 && r[u + 1] == id) v = Math.min(v, d[u + 1] + DIAG);
                }
                d[i] = v;
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                float v = d[i];
                if (v == 0) continue;
                int id = r[i];
                if (x < w - 1 && r[i + 1] == id) v = Math.min(v, d[i + 1] + 1);
                if (y < h - 1) {
                    int u = i + w;
                    if (r[u] == id) v = Math.min(v, d[u] + 1);
                    if (x > 0 && r[u - 1] == id) v = Math.min(v, d[u - 1] + DIAG);
                    if (x < w - 1 && r[u + 1] == id) v = Math.min(v, d[u + 1] + DIAG);
                }
                d[i] = v;
            }
        }
    }
}
