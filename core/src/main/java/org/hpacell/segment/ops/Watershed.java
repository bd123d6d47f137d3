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
 * Levels are integers {@code >= 0}: pass any order-preserving integer encoding of the image (equal
 * values must give equal levels); {@link #levelsOf(double[])} makes one from real values. Marker ids
 * must be {@code >= 0} (scikit-image would also take negative ones).
 */
public final class Watershed {
    /** State of a pixel outside the mask (see {@link #flood}). */
    private static final int OUTSIDE = Integer.MIN_VALUE;

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
        return flood(levels, markers, mask, width, height, line, false);
    }

    /** {@link #flood}, with {@code generalQueue} forcing the unpacked queue (for tests). */
    static int[] flood(int[] levels, int[] markers, boolean[] mask, int width, int height, boolean line,
            boolean generalQueue) {
        Grid.check(width, height, levels.length, "level image");
        Grid.check(width, height, markers.length, "marker image");
        if (mask != null) {
            Grid.check(width, height, mask.length, "mask");
        }
        // One state per pixel, padded by a frame of OUTSIDE so the loop needs no bounds checks:
        //   > 0      labelled (the label);
        //   <= 0     in the mask, not yet labelled: minus the pixel's level;
        //   OUTSIDE  outside the mask, or made watershed line (scikit-image clears its mask bit).
        // One array read tells mask, label and level, where three arrays would cost three cache misses.
        int pw = width + 2;
        int ph = height + 2;
        int[] state = new int[pw * ph];
        java.util.Arrays.fill(state, OUTSIDE);
        int markerCount = 0;
        int inMask = 0;
        int maxLevel = 0;
        for (int y = 0; y < height; y++) {
            int src = y * width;
            int dst = (y + 1) * pw + 1;
            for (int x = 0; x < width; x++) {
                int level = levels[src + x];
                int marker = markers[src + x];
                if (level < 0) {
                    throw new IllegalArgumentException("level must be >= 0, got " + level + " at (" + x + "," + y + ")");
                }
                if (marker < 0) {
                    throw new IllegalArgumentException("marker ids must be >= 0, got " + marker + " at (" + x + "," + y + ")");
                }
                if (mask != null && !mask[src + x]) {
                    continue;
                }
                inMask++;
                maxLevel = Math.max(maxLevel, level);
                if (marker != 0) {
                    state[dst + x] = marker;
                    markerCount++;
                } else {
                    state[dst + x] = -level;
                }
            }
        }
        int[] offsets = {-pw, -1, 1, pw};
        FloodQueue queue = queue(maxLevel, markerCount, inMask, line, pw * ph, generalQueue);
        for (int y = 0; y < height; y++) {
            int dst = (y + 1) * pw + 1;
            for (int x = 0; x < width; x++) {
                if (state[dst + x] > 0) {
                    queue.push(levels[y * width + x], 0, (dst + x) << 2);
                }
            }
        }
        if (line) {
            floodWithLines(state, offsets, queue);
        } else {
            floodWithoutLines(state, offsets, queue, pw);
        }
        int[] result = new int[width * height];
        for (int y = 0; y < height; y++) {
            int src = (y + 1) * pw + 1;
            for (int x = 0; x < width; x++) {
                int s = state[src + x];
                result[y * width + x] = s > 0 ? s : 0;
            }
        }
        return result;
    }

    /**
     * The flooding loop with watershed lines: a pixel is labelled when first popped. An element's
     * payload is (index << 2) | k: the pixel and the direction it was pushed in, so that its label
     * (the pusher's, which never changes once set) is state[index - offsets[k]]. scikit-image carries
     * the marker pixel ("source") instead; the label is the same.
     */
    private static void floodWithLines(int[] state, int[] offsets, FloodQueue queue) {
        // Marker pixels made line leave the mask but keep their label in scikit-image's output.
        IntList markerLines = new IntList();
        int age = 1;
        while (!queue.isEmpty()) {
            int payload = queue.pop();
            int index = payload >>> 2;
            boolean marker = queue.poppedMarker();
            int s = state[index];
            if (!marker && (s > 0 || s == OUTSIDE)) {
                continue; // labelled from another neighbour, or already line
            }
            if (isLine(state, offsets, index)) {
                if (marker) {
                    markerLines.add(index);
                    markerLines.add(s);
                }
                continue;
            }
            if (!marker) {
                state[index] = state[index - offsets[payload & 3]];
            }
            int label = state[index];
            for (int k = 0; k < 4; k++) {
                int n = index + offsets[k];
                int ns = state[n];
                if (ns > 0 || ns == OUTSIDE) {
                    continue;
                }
                age++;
                queue.push(-ns, age, (n << 2) | k);
            }
        }
        for (int i = 0; i < markerLines.size(); i += 2) {
            state[markerLines.get(i)] = markerLines.get(i + 1);
        }
    }

    /**
     * The flooding loop without lines: a pixel is labelled when pushed, so it is pushed once. Most
     * popped elements are markers deep inside their region (in label_cell's second flood nearly all
     * of the millions are) whose pop changes nothing but the queue. A bitmap of the open pixels (in
     * the mask, not labelled: 1 bit each, so it stays in the CPU cache where the int state would not)
     * tells that from 4 bits, and the state is read only for pixels that have an open neighbour.
     */
    private static void floodWithoutLines(int[] state, int[] offsets, FloodQueue queue, int pw) {
        long[] open = new long[(state.length + 63) >>> 6];
        for (int i = 0; i < state.length; i++) {
            int s = state[i];
            if (s <= 0 && s != OUTSIDE) {
                open[i >>> 6] |= 1L << i;
            }
        }
        int age = 1;
        while (!queue.isEmpty()) {
            int index = queue.pop() >>> 2;
            if (!isOpen(open, index - pw) && !isOpen(open, index - 1) && !isOpen(open, index + 1)
                    && !isOpen(open, index + pw)) {
                continue;
            }
            int label = state[index];
            for (int k = 0; k < 4; k++) {
                int n = index + offsets[k];
                if (!isOpen(open, n)) {
                    continue;
                }
                open[n >>> 6] &= ~(1L << n);
                int level = -state[n];
                state[n] = label;
                age++;
                queue.push(level, age, (n << 2) | k);
            }
        }
    }

    private static boolean isOpen(long[] open, int i) {
        return (open[i >>> 6] & (1L << i)) != 0;
    }

    /**
     * The packed queue when level, age and payload fit in 63 bits, else the general one. Ages count
     * pushes: without lines each in-mask pixel is pushed at most once, with lines at most once per
     * neighbour.
     */
    private static FloodQueue queue(int maxLevel, int markers, int inMask, boolean line, int paddedPixels,
            boolean general) {
        long maxAge = 2L + (line ? 4L : 1L) * inMask;
        int levelBits = bits(maxLevel);
        int ageBits = bits(maxAge);
        int payloadBits = bits(((long) paddedPixels << 2) - 1);
        if (payloadBits > 31 || maxAge > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image too large for the watershed: " + paddedPixels + " pixels");
        }
        int capacity = Math.max(markers * 2, 1024);
        if (!general && PackedFloodQueue.fits(levelBits, ageBits, payloadBits)) {
            return new PackedFloodQueue(levelBits, ageBits, payloadBits, capacity);
        }
        return new HeapFloodQueue(capacity);
    }

    private static int bits(long v) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, v));
    }

    /**
     * scikit-image's {@code _diff_neighbors}: true (and the pixel leaves the mask) when the in-mask
     * neighbours carry two different labels. (Its "already out of the mask" case is handled by the
     * caller.)
     */
    private static boolean isLine(int[] state, int[] offsets, int index) {
        int first = 0;
        for (int off : offsets) {
            int l = state[index + off];
            if (l <= 0) {
                continue; // outside the mask (OUTSIDE) or unlabelled
            }
            if (first == 0) {
                first = l;
            } else if (l != first) {
                state[index] = OUTSIDE;
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
