package org.hpacell.segment.ops;

/**
 * Marker-based watershed by priority flooding, with the results of
 * {@code skimage.segmentation.watershed(image, markers, connectivity=1, mask=mask,
 * watershed_line=line)} in scikit-image 0.19 (no compactness), ties included.
 *
 * <p>Semantics, step by step (scikit-image's order, which decides every tie):
 * <ol>
 *   <li>Markers outside the mask are dropped ({@code markers * mask}). Pixels outside the image and
 *       outside the mask are never flooded.</li>
 *   <li>Every marker pixel enters the queue in row-major order with key (level, age 0).</li>
 *   <li>The queue pops the smallest key: lower level first, then lower age (entry order). Markers,
 *       which share age 0, come out in the order of scikit-image's binary heap ({@link FloodQueue}
 *       replicates it exactly).</li>
 *   <li>Neighbours are the 4 edge neighbours, visited up, left, right, down. Each unlabelled
 *       neighbour inside the mask is pushed with (its level, next age) and the popped pixel's
 *       label.</li>
 *   <li>Without watershed lines a pixel is labelled when pushed (so it is pushed once). With lines,
 *       a pixel is labelled when first popped, unless two different labels already touch it (among
 *       its in-mask neighbours), in which case it becomes line (stays 0 and leaves the mask); a marker
 *       pixel keeps its label even when it would be line.</li>
 * </ol>
 * Levels are integers: pass any order-preserving integer encoding of the image (equal values must
 * give equal levels); {@link #levelsOf(double[])} makes one from real values.
 */
public final class Watershed {
    private Watershed() {
    }

    /**
     * Floods from {@code markers}.
     *
     * @param levels  flooding level per pixel (lower floods first), {@code 0 <= level}
     * @param markers marker ids (0 = none); pixels of one id need not be connected
     * @param mask    pixels that may be labelled, or {@code null} for all
     * @param line    whether to keep watershed lines (0) between different labels
     * @return a new label array
     */
    public static int[] flood(int[] levels, int[] markers, boolean[] mask, int width, int height, boolean line) {
        Grid.check(width, height, levels.length, "level image");
        Grid.check(width, height, markers.length, "marker image");
        if (mask != null) {
            Grid.check(width, height, mask.length, "mask");
        }
        // Padded copies (one pixel of non-mask all round) spare bounds checks in the loop.
        int pw = width + 2;
        int ph = height + 2;
        int[] lev = new int[pw * ph];
        int[] out = new int[pw * ph];
        boolean[] in = new boolean[pw * ph];
        int markerCount = 0;
        for (int y = 0; y < height; y++) {
            int src = y * width;
            int dst = (y + 1) * pw + 1;
            for (int x = 0; x < width; x++) {
                int level = levels[src + x];
                if (level < 0) {
                    throw new IllegalArgumentException("level must be >= 0, got " + level + " at (" + x + "," + y + ")");
                }
                boolean m = mask == null || mask[src + x];
                lev[dst + x] = level;
                in[dst + x] = m;
                if (m && markers[src + x] != 0) {
                    out[dst + x] = markers[src + x];
                    markerCount++;
                }
            }
        }
        int[] offsets = {-pw, -1, 1, pw};
        FloodQueue queue = new FloodQueue(Math.max(markerCount * 2, 1024));
        for (int i = 0; i < out.length; i++) {
            if (out[i] != 0) {
                queue.push(FloodQueue.key(lev[i], 0), FloodQueue.payload(i, i));
            }
        }
        int age = 1;
        while (!queue.isEmpty()) {
            long p = queue.pop();
            int index = (int) (p >>> 32);
            int source = (int) p;
            if (line) {
                if (out[index] != 0 && index != source) {
                    continue; // already labelled from another neighbour
                }
                if (isLine(out, in, offsets, index)) {
                    continue;
                }
                out[index] = out[source];
            }
            int label = out[index];
            for (int off : offsets) {
                int n = index + off;
                if (!in[n] || out[n] != 0) {
                    continue;
                }
                age++;
                if (!line) {
                    out[n] = label;
                }
                queue.push(FloodQueue.key(lev[n], age), FloodQueue.payload(n, source));
            }
        }
        int[] result = new int[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(out, (y + 1) * pw + 1, result, y * width, width);
        }
        return result;
    }

    /**
     * scikit-image's {@code _diff_neighbors}: true (and the pixel leaves the mask) when the in-mask
     * neighbours carry two different non-zero labels; true as well for a pixel already made line.
     */
    private static boolean isLine(int[] out, boolean[] in, int[] offsets, int index) {
        if (!in[index]) {
            return true;
        }
        int first = 0;
        for (int off : offsets) {
            int n = index + off;
            if (!in[n]) {
                continue;
            }
            int l = out[n];
            if (first == 0) {
                first = l;
            } else if (l != 0 && l != first) {
                in[index] = false;
                return true;
            }
        }
        return false;
    }

    /**
     * An integer level image with the order of {@code image}: the rank of each value among the
     * distinct values (equal values, equal levels). NaN is not allowed.
     */
    public static int[] levelsOf(double[] image) {
        double[] sorted = new double[image.length];
        for (int i = 0; i < image.length; i++) {
            sorted[i] = image[i] + 0.0; // -0.0 becomes 0.0: they are one value
        }
        java.util.Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (Double.isNaN(sorted[i])) {
                throw new IllegalArgumentException("image holds NaN");
            }
            if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] levels = new int[image.length];
        for (int i = 0; i < image.length; i++) {
            levels[i] = java.util.Arrays.binarySearch(sorted, 0, distinct, image[i] + 0.0);
        }
        return levels;
    }
}
