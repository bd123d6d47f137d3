package org.hpacell.io;

import java.util.Arrays;

/**
 * Accumulates alternating run lengths of a binary pixel stream, starting with a run of zeros (which
 * may be empty), as COCO RLE counts. Pixels are fed as runs of one value ({@link #extend});
 * consecutive runs of the same value merge. No allocation per pixel or run beyond the growing array.
 */
final class RunBuilder {
    private int[] counts = new int[16];
    private int size;
    private boolean current;
    private long run;

    /** Appends {@code n >= 0} pixels of one value. */
    void extend(boolean value, long n) {
        if (n == 0) {
            return;
        }
        if (value == current) {
            run += n;
        } else {
            close(value, n);
        }
    }

    private void close(boolean next, long nextRun) {
        append(run);
        current = next;
        run = nextRun;
    }

    private void append(long count) {
        if (count > Integer.MAX_VALUE) {
            throw new IllegalStateException("run of " + count + " pixels exceeds the COCO RLE range");
        }
        if (size == counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
        }
        counts[size++] = (int) count;
    }

    /** The counts, the last (open) run included. The builder must not be used afterwards. */
    int[] finish() {
        append(run);
        return Arrays.copyOf(counts, size);
    }
}
