package org.hpacell.segment.ops;

/**
 * Connected-component labelling, as {@code skimage.measure.label(image, connectivity=1|2)} and
 * {@code scipy.ndimage.label} (whose default structure is 4-connectivity).
 *
 * <p>A component is a maximal set of connected non-zero pixels carrying the <em>same</em> value, so a
 * label image is split where two different ids touch and an id that occurs in two separate places
 * becomes two components (what {@code measure.label} does with an integer image). Components are
 * numbered 1, 2, ... in the raster order (row by row, left to right) of their first pixel - the
 * numbering of both scikit-image and SciPy. Some steps downstream depend on the numbering (a grey
 * closing takes the maximum id), so it is part of the contract.
 *
 * <p>Two-pass union-find: provisional ids in one raster scan, then renumbering in a second one.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /** Labels the {@code true} pixels of a binary image. */
    public static int[] label(boolean[] image, int width, int height, Connectivity connectivity) {
        Grid.check(width, height, image.length, "binary image");
        int[] values = new int[image.length];
        for (int i = 0; i < image.length; i++) {
            values[i] = image[i] ? 1 : 0;
        }
        return label(values, width, height, connectivity);
    }

    /**
     * Labels the non-zero pixels of {@code image}; neighbours belong to the same component only when
     * their values are equal.
     *
     * @return a new array with ids 1..n numbered in raster order of first pixel, 0 for background
     */
    public static int[] label(int[] image, int width, int height, Connectivity connectivity) {
        Grid.check(width, height, image.length, "image");
        boolean eight = connectivity == Connectivity.EIGHT;
        int[] out = new int[image.length];
        int[] parent = new int[1024];
        int next = 1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int i = row + x;
                int v = image[i];
                if (v == 0) {
                    continue;
                }
                int l = 0;
                boolean left = x > 0 && image[i - 1] == v;
                if (left) {
                    l = out[i - 1];
                }
                if (y > 0) {
                    // A neighbour needs no join when it is known to be in l's set already: when it
                    // carries l (the common case inside objects), when it is also a neighbour of the
                    // left pixel (that pixel was joined with it), or when it carries the provisional id
                    // of such a pixel. Without these, every pixel of a row under a merged run would
                    // call find twice.
                    int up = i - width;
                    boolean hasUp = image[up] == v;
                    boolean hasUpLeft = x > 0 && image[up - 1] == v;
                    if (!(eight && left)) {
                        if (eight && hasUpLeft && out[up - 1] != l) {
                            l = join(parent, l, out[up - 1]);
                        }
                        if (hasUp) {
                            int u = out[up];
                            if (u != l && !(left && hasUpLeft && u == out[up - 1])) {
                                l = join(parent, l, u);
                            }
                        }
                    }
                    if (eight && x + 1 < width && image[up + 1] == v) {
                        int u = out[up + 1];
                        if (u != l && !(hasUp && u == out[up]) && !(left && hasUpLeft && u == out[up - 1])) {
                            l = join(parent, l, u);
                        }
                    }
                }
                if (l == 0) {
                    if (next == parent.length) {
                        parent = java.util.Arrays.copyOf(parent, parent.length * 2);
                    }
                    parent[next] = next;
                    l = next++;
                }
                out[i] = l;
            }
        }
        // Roots are always the smallest id of their set (join links the larger root under the
        // smaller), so one ascending pass resolves every id to its root.
        for (int l = 1; l < next; l++) {
            parent[l] = parent[parent[l]];
        }
        int[] finalId = new int[next];
        int count = 0;
        for (int i = 0; i < out.length; i++) {
            int l = out[i];
            if (l != 0) {
                int r = parent[l];
                int f = finalId[r];
                if (f == 0) {
                    f = finalId[r] = ++count;
                }
                out[i] = f;
            }
        }
        return out;
    }

    /** Joins the sets of {@code a} (0 = none yet) and {@code b}; returns the surviving root. */
    private static int join(int[] parent, int a, int b) {
        int rb = find(parent, b);
        if (a == 0) {
            return rb;
        }
        int ra = find(parent, a);
        if (ra == rb) {
            return ra;
        }
        if (ra < rb) {
            parent[rb] = ra;
            return ra;
        }
        parent[ra] = rb;
        return rb;
    }

    private static int find(int[] parent, int a) {
        int r = a;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[a] != r) {
            int n = parent[a];
            parent[a] = r;
            a = n;
        }
        return r;
    }

    /** The number of components of a label array produced by {@link #label}: its largest id. */
    public static int count(int[] labels) {
        int m = 0;
        for (int v : labels) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }
}
