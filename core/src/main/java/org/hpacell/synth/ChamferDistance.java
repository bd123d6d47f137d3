package org.hpacell.synth;

import java.util.Arrays;
import org.hpacell.image.Box;
import org.hpacell.image.LabelImage;
import org.hpacell.image.LabelObject;

/**
 * Approximate Euclidean distance transforms by two-pass 3x3 chamfer propagation (steps 1 and
 * sqrt 2; within about 8% of the Euclidean distance). The passes themselves are unconstrained (a
 * distance may cross any pixel), which keeps the inner loops free of label tests; each transform
 * states below why that still measures the distance it promises.
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
     * Distance, inside each object of {@code labels} within box {@code b} (a sub-rectangle of the
     * {@code w}-wide image), to the object's edge, written into {@code out} for every pixel of the box
     * (0 on background and on edges). Pixels outside the box are ignored, so the box must contain the
     * objects of interest with a margin of one pixel (use {@link Box#padded}).
     *
     * <p>Unconstrained propagation is exact here: an 8-connected path leaving object {@code c} leaves it
     * from a pixel 8-adjacent to a non-{@code c} pixel, and that pixel - or, for a diagonal exit, its
     * neighbour one step away inside {@code c} - is 4-adjacent to a non-{@code c} pixel, i.e. an edge
     * pixel of {@code c} (distance 0) at most as far as the exit step. So the nearest seed of any pixel
     * of {@code c} is reached without leaving {@code c}.
     */
    static void toEdgeInBox(int w, int h, int[] labels, Box b, float[] out) {
        for (int y = b.y(); y < b.yEnd(); y++) {
            int row = y * w;
            for (int x = b.x(); x < b.xEnd(); x++) {
                int i = row + x;
                int v = labels[i];
                boolean edge = v == 0
                        || (x > 0 && labels[i - 1] != v) || (x < w - 1 && labels[i + 1] != v)
                        || (y > 0 && labels[i - w] != v) || (y < h - 1 && labels[i + w] != v);
                out[i] = edge ? 0 : FAR;
            }
        }
        propagate(w, out, b.x(), b.y(), b.xEnd(), b.yEnd());
    }

    /**
     * Distance, inside each object of {@code regions}, to the nearest pixel of the same object where
     * {@code seeds} equals the object's id (e.g. a cell's own nucleus); {@link #FAR} where an object
     * holds no seed, and on background.
     *
     * <p>Each object is transformed in its own bounding box, unconstrained within the box: the distance
     * is the chamfer (straight-line) distance to the object's seeds, even where the straight path crosses
     * a neighbour's pixels - a neighbour's seeds never count.
     */
    static float[] toSeeds(int w, int h, int[] regions, int[] seeds) {
        float[] d = new float[w * h];
        Arrays.fill(d, FAR);
        float[] scratch = new float[w * h];
        for (LabelObject o : new LabelImage(w, h, regions).objects()) {
            toSeedsInBox(w, regions, seeds, o.id(), o.box(), scratch, d);
        }
        return d;
    }

    /**
     * {@link #toSeeds} for the one object {@code id} whose pixels lie in box {@code b}: writes
     * {@code out} at the object's pixels only, using {@code scratch} (image-sized) over the box.
     */
    static void toSeedsInBox(int w, int[] regions, int[] seeds, int id, Box b, float[] scratch, float[] out) {
        for (int y = b.y(); y < b.yEnd(); y++) {
            int row = y * w;
            for (int i = row + b.x(); i < row + b.xEnd(); i++) {
                scratch[i] = seeds[i] == id && regions[i] == id ? 0 : FAR;
            }
        }
        propagate(w, scratch, b.x(), b.y(), b.xEnd(), b.yEnd());
        for (int y = b.y(); y < b.yEnd(); y++) {
            int row = y * w;
            for (int i = row + b.x(); i < row + b.xEnd(); i++) {
                if (regions[i] == id) out[i] = scratch[i];
            }
        }
    }

    /**
     * Two unconstrained chamfer passes over columns {@code [x0, x1)} and rows {@code [y0, y1)}: forward
     * (neighbours above and to the left), then backward (below and to the right). Each row is first
     * relaxed from the finished row beside it, then scanned along the row, whose dependency chain is the
     * only sequential part.
     */
    private static void propagate(int w, float[] d, int x0, int y0, int x1, int y1) {
        if (x1 <= x0 || y1 <= y0) return;
        for (int y = y0; y < y1; y++) {
            int row = y * w;
            if (y > y0) relaxFromRow(d, row, row - w, x0, x1);
            float prev = d[row + x0];
            for (int i = row + x0 + 1; i < row + x1; i++) {
                float v = d[i], c = prev + 1;
                prev = c < v ? c : v;
                d[i] = prev;
            }
        }
        for (int y = y1 - 1; y >= y0; y--) {
            int row = y * w;
            if (y < y1 - 1) relaxFromRow(d, row, row + w, x0, x1);
            float prev = d[row + x1 - 1];
            for (int i = row + x1 - 2; i >= row + x0; i--) {
                float v = d[i], c = prev + 1;
                prev = c < v ? c : v;
                d[i] = prev;
            }
        }
    }

    /** Relaxes row {@code row} over columns [x0, x1) from its three neighbours in the row {@code src}. */
    private static void relaxFromRow(float[] d, int row, int src, int x0, int x1) {
        int last = x1 - 1;
        if (last == x0) {
            d[row + x0] = Math.min(d[row + x0], d[src + x0] + 1);
            return;
        }
        d[row + x0] = min3(d[row + x0], d[src + x0] + 1, d[src + x0 + 1] + DIAG);
        for (int x = x0 + 1; x < last; x++) {
            float v = min3(d[row + x], d[src + x] + 1, d[src + x - 1] + DIAG);
            float dr = d[src + x + 1] + DIAG;
            d[row + x] = dr < v ? dr : v;
        }
        d[row + last] = min3(d[row + last], d[src + last] + 1, d[src + last - 1] + DIAG);
    }

    private static float min3(float a, float b, float c) {
        float m = a < b ? a : b;
        return c < m ? c : m;
    }
}
