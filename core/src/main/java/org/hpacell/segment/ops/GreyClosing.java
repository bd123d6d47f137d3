package org.hpacell.segment.ops;

/**
 * Grey-level closing with a {@link Disk}, as {@code skimage.morphology.closing(image, disk(r))}:
 * a dilation (maximum over the disk) followed by an erosion (minimum over the disk), applied to
 * integer images such as label images (where the larger id wins the dilation).
 *
 * <p>Pixels outside the image are ignored. SciPy extends the image by reflection instead, but for a
 * disk every reflected pixel is also inside the disk around the same centre, so the results agree.
 *
 * <p>Cost: per pixel one running maximum per distinct row width of the disk (built from the next
 * smaller width with two comparisons) plus one comparison per disk row, instead of one per disk
 * pixel.
 */
public final class GreyClosing {
    private GreyClosing() {
    }

    /** Closing: {@link #erode} of {@link #dilate}. */
    public static int[] close(int[] image, int width, int height, Disk disk) {
        return erode(dilate(image, width, height, disk), width, height, disk);
    }

    /** Maximum over the disk around each pixel (in-image pixels only). */
    public static int[] dilate(int[] image, int width, int height, Disk disk) {
        Grid.check(width, height, image.length, "image");
        return extremum(image, width, height, disk, true);
    }

    /** Minimum over the disk around each pixel (in-image pixels only). */
    public static int[] erode(int[] image, int width, int height, Disk disk) {
        Grid.check(width, height, image.length, "image");
        return extremum(image, width, height, disk, false);
    }

    private static int[] extremum(int[] image, int width, int height, Disk disk, boolean max) {
        int r = disk.radius();
        // rows[w][y] = running extremum of row y over [x - w, x + w], for w = 0..r, computed lazily
        // for the 2r+1 rows around the current output row (ring buffer indexed by y mod (2r+1)).
        int span = 2 * r + 1;
        int[][][] rows = new int[r + 1][span][];
        int[] rowOf = new int[span];
        java.util.Arrays.fill(rowOf, -1);
        int[] out = new int[image.length];
        int[] acc = new int[width];
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(height - 1, y + r);
            for (int yy = y0; yy <= y1; yy++) {
                int slot = yy % span;
                if (rowOf[slot] != yy) {
                    horizontal(image, width, yy, r, max, rows, slot);
                    rowOf[slot] = yy;
                }
            }
            System.arraycopy(rows[disk.halfWidth(0)][y % span], 0, acc, 0, width);
            for (int yy = y0; yy <= y1; yy++) {
                if (yy == y) {
                    continue;
                }
                int[] src = rows[disk.halfWidth(yy - y)][yy % span];
                // Math.max/min without branches: the JIT turns these loops into vector instructions
                if (max) {
                    for (int x = 0; x < width; x++) {
                        acc[x] = Math.max(acc[x], src[x]);
                    }
                } else {
                    for (int x = 0; x < width; x++) {
                        acc[x] = Math.min(acc[x], src[x]);
                    }
                }
            }
            System.arraycopy(acc, 0, out, y * width, width);
        }
        return out;
    }

    /** Fills {@code rows[w][slot]} with the running extremum of image row {@code y} for w = 0..r. */
    private static void horizontal(int[] image, int width, int y, int r, boolean max, int[][][] rows, int slot) {
        int base = y * width;
        int[] prev = rows[0][slot];
        if (prev == null) {
            prev = rows[0][slot] = new int[width];
        }
        System.arraycopy(image, base, prev, 0, width);
        for (int w = 1; w <= r; w++) {
            int[] cur = rows[w][slot];
            if (cur == null) {
                cur = rows[w][slot] = new int[width];
            }
            // cur[x] = extremum of prev[x], image[x - w], image[x + w] (those in the row): the middle
            // part, where both are, as a branch-free loop the JIT vectorizes, then the two ends
            int lo = Math.min(w, width);
            int hi = Math.max(lo, width - w);
            if (max) {
                for (int x = lo; x < hi; x++) {
                    cur[x] = Math.max(prev[x], Math.max(image[base + x - w], image[base + x + w]));
                }
            } else {
                for (int x = lo; x < hi; x++) {
                    cur[x] = Math.min(prev[x], Math.min(image[base + x - w], image[base + x + w]));
                }
            }
            for (int x = 0; x < lo; x++) {
                cur[x] = atRowEnd(image, base, width, prev[x], x, w, max);
            }
            for (int x = hi; x < width; x++) {
                cur[x] = atRowEnd(image, base, width, prev[x], x, w, max);
            }
            prev = cur;
        }
    }

    /** {@code v} combined with the pixels {@code x - w} and {@code x + w} of the row that exist. */
    private static int atRowEnd(int[] image, int base, int width, int v, int x, int w, boolean max) {
        if (x - w >= 0) {
            int a = image[base + x - w];
            v = max ? Math.max(v, a) : Math.min(v, a);
        }
        if (x + w < width) {
            int b = image[base + x + w];
            v = max ? Math.max(v, b) : Math.min(v, b);
        }
        return v;
    }
}
