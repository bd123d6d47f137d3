package org.hpacell.synth;

import java.util.Arrays;
import org.hpacell.image.Box;

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
        toEdgeInBox(w, h, labels, new Box(0, 0, w, h), d);
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
        propagate(w, regions, d, 0, 0, w, h);
        return d;
    }

    /**
     * Distance, inside each object of {@code labels} within box {@code b} (a sub-rectangle of the
     * {@code w}-wide image), to the object's edge, written into {@code out} for every pixel of the box
     * (0 on background and on edges). Pixels outside the box are ignored, so the box must contain the
     * objects of interest with a margin of one pixel (use {@link Box#padded}).
     */
    static void toEdgeInBox(int w, int h, int[] labels, Box b, float[] out) {
        for (int y = b.y(); y < b.yEnd(); y++) {
            for (int x = b.x(); x < b.xEnd(); x++) {
                int i = y * w + x;
                int v = labels[i];
                boolean edge = v == 0
                        || (x > 0 && labels[i - 1] != v) || (x < w - 1 && labels[i + 1] != v)
                        || (y > 0 && labels[i - w] != v) || (y < h - 1 && labels[i + w] != v);
                out[i] = edge ? 0 : FAR;
            }
        }
        propagate(w, labels, out, b.x(), b.y(), b.xEnd(), b.yEnd());
    }

    /**
     * Two chamfer passes over columns {@code [x0, x1)} and rows {@code [y0, y1)}; distances propagate
     * only between pixels of equal {@code r}.
     */
    private static void propagate(int w, int[] r, float[] d, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * w + x;
                float v = d[i];
                if (v == 0) continue;
                int id = r[i];
                if (x > x0 && r[i - 1] == id) v = Math.min(v, d[i - 1] + 1);
                if (y > y0) {
                    int u = i - w;
                    if (r[u] == id) v = Math.min(v, d[u] + 1);
                    if (x > x0 && r[u - 1] == id) v = Math.min(v, d[u - 1] + DIAG);
                    if (x < x1 - 1 && r[u + 1] == id) v = Math.min(v, d[u + 1] + DIAG);
                }
                d[i] = v;
            }
        }
        for (int y = y1 - 1; y >= y0; y--) {
            for (int x = x1 - 1; x >= x0; x--) {
                int i = y * w + x;
                float v = d[i];
                if (v == 0) continue;
                int id = r[i];
                if (x < x1 - 1 && r[i + 1] == id) v = Math.min(v, d[i + 1] + 1);
                if (y < y1 - 1) {
                    int u = i + w;
                    if (r[u] == id) v = Math.min(v, d[u] + 1);
                    if (x > x0 && r[u - 1] == id) v = Math.min(v, d[u - 1] + DIAG);
                    if (x < x1 - 1 && r[u + 1] == id) v = Math.min(v, d[u + 1] + DIAG);
                }
                d[i] = v;
            }
        }
    }
}
