package org.hpacell.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An instance label image: one {@code int} per pixel, row-major ({@code labels[y * width + x]}),
 * 0 = background, {@code k > 0} = object k. Ids need not be consecutive.
 */
public final class LabelImage {
    private final int width;
    private final int height;
    private final int[] labels;

    /** Wraps {@code labels} (not copied). */
    public LabelImage(int width, int height, int[] labels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("label image size must be positive, got " + width + "x" + height);
        }
        if (labels.length != width * height) {
            throw new IllegalArgumentException("label array has " + labels.length + " pixels, image " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.labels = labels;
    }

    /** An all-background image. */
    public static LabelImage blank(int width, int height) {
        return new LabelImage(width, height, new int[width * height]);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing array (row-major, shared, not copied). */
    public int[] array() {
        return labels;
    }

    public int get(int x, int y) {
        return labels[y * width + x];
    }

    /** The largest id (0 for an empty image). */
    public int maxLabel() {
        int m = 0;
        for (int v : labels) {
            if (v > m) m = v;
        }
        return m;
    }

    /**
     * Every object's id, bounding box and area, in ascending id order, computed in one pass.
     *
     * @throws IllegalArgumentException if a label is negative
     */
    public List<LabelObject> objects() {
        int max = maxLabel();
        int[] area = new int[max + 1];
        int[] x0 = new int[max + 1], y0 = new int[max + 1], x1 = new int[max + 1], y1 = new int[max + 1];
        Arrays.fill(x0, Integer.MAX_VALUE);
        Arrays.fill(y0, Integer.MAX_VALUE);
        Arrays.fill(x1, -1);
        Arrays.fill(y1, -1);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int v = labels[row + x];
                if (v == 0) continue;
                if (v < 0) {
                    throw new IllegalArgumentException("negative label " + v + " at (" + x + "," + y + ")");
                }
                area[v]++;
                if (x < x0[v]) x0[v] = x;
                if (x > x1[v]) x1[v] = x;
                if (y < y0[v]) y0[v] = y;
                y1[v] = y;
            }
        }
        List<LabelObject> out = new ArrayList<>();
        for (int id = 1; id <= max; id++) {
            if (area[id] > 0) {
                out.add(new LabelObject(id, Box.ofCorners(x0[id], y0[id], x1[id], y1[id]), area[id]));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The mask of object {@code id} (empty if absent). */
    public BinaryMask mask(int id) {
        for (LabelObject o : objects()) {
            if (o.id() == id) {
                return mask(o);
            }
        }
        return BinaryMask.empty(width, height);
    }

    /** The mask of an object of this image, read inside its bounding box only. */
    public BinaryMask mask(LabelObject o) {
        Box b = o.box();
        boolean[] local = new boolean[b.width() * b.height()];
        for (int r = 0; r < b.height(); r++) {
            int src = (b.y() + r) * width + b.x();
            for (int c = 0; c < b.width(); c++) {
                local[r * b.width() + c] = labels[src + c] == o.id();
            }
        }
        return BinaryMask.ofBox(width, height, b, local);
    }

    /** The masks of all objects, in ascending id order. */
    public List<BinaryMask> masks() {
        List<BinaryMask> out = new ArrayList<>();
        for (LabelObject o : objects()) {
            out.add(mask(o));
        }
        return out;
    }

    /** Whether both images hold the same partition of pixels into objects, whatever the ids. */
    public boolean equalsUpToRenumbering(LabelImage o) {
        if (o.width != width || o.height != height) {
            return false;
        }
        java.util.Map<Integer, Integer> fwd = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> back = new java.util.HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            int a = labels[i], b = o.labels[i];
            if ((a == 0) != (b == 0)) return false;
            if (a == 0) continue;
            Integer fa = fwd.putIfAbsent(a, b);
            if (fa != null && fa != b) return false;
            Integer bb = back.putIfAbsent(b, a);
            if (bb != null && bb != a) return false;
        }
        return true;
    }
}
