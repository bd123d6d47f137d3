package org.hpacell.segment.ops;

import java.util.Arrays;

/**
 * A {@link FloodQueue} with each element packed into one {@code long}: {@code level | age | payload}
 * from the high bits down. Comparisons look at {@code level | age} only (the element shifted right by
 * the payload width), so equal keys stay ties exactly as in scikit-image's heap and the payload never
 * breaks them. One array of 8 bytes per element instead of 12 makes the deep levels of a heap of
 * millions of markers cheaper to walk. {@link Watershed} uses it when the fields fit in 63 bits.
 */
final class PackedFloodQueue implements FloodQueue {
    private final int payloadBits;
    private final long payloadMask;
    private final int ageBits;
    private final long ageMask;
    private long[] heap;
    private int size;
    private boolean poppedMarker;

    PackedFloodQueue(int levelBits, int ageBits, int payloadBits, int capacity) {
        if (!fits(levelBits, ageBits, payloadBits)) {
            throw new IllegalArgumentException("fields of " + levelBits + "+" + ageBits + "+" + payloadBits + " bits exceed 63");
        }
        this.payloadBits = payloadBits;
        this.payloadMask = (1L << payloadBits) - 1;
        this.ageBits = ageBits;
        this.ageMask = (1L << ageBits) - 1;
        this.heap = new long[Math.max(16, capacity)];
    }

    /** Whether elements with these field widths fit (63 bits keep every element non-negative). */
    static boolean fits(int levelBits, int ageBits, int payloadBits) {
        return levelBits + ageBits + payloadBits <= 63;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void push(int level, int age, int payload) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        long key = ((long) level << ageBits) | age;
        long e = (key << payloadBits) | payload;
        int child = size++;
        // Sift-up, done as a binary search: the ancestors' keys shrink (weakly) towards the root, so
        // those strictly greater than the new key - the ones a step-by-step sift-up moves down - form
        // the lowest part of the path. Finding its top with a few probes and then moving it down one
        // level gives the same arrangement, with independent (overlapping) memory accesses.
        int depth = 31 - Integer.numberOfLeadingZeros(child + 1);
        int lo = 0; // ancestors 1..lo are known to be greater
        int hi = depth;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (key < (heap[((child + 1) >>> mid) - 1] >>> payloadBits)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int at = child;
        for (int j = 1; j <= lo; j++) {
            int parent = ((child + 1) >>> j) - 1;
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = e;
    }

    @Override
    public int pop() {
        long top = heap[0];
        poppedMarker = ((top >>> payloadBits) & ageMask) == 0;
        int n = --size;
        if (n > 0) {
            // Sift-down of the last element x from the root, done bottom-up (Floyd): follow the path of
            // smaller children (the left one on ties, as scikit-image) to a leaf, moving each up one
            // level, then walk back up while the moved element's key is >= x's. Keys grow along the
            // path, so x lands exactly where the step-by-step sift (which moves a child up only when
            // strictly smaller than x) puts it, with one comparison per level instead of two.
            long x = heap[n];
            long xk = x >>> payloadBits;
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= n) {
                    break;
                }
                int c = l;
                int r = l + 1;
                if (r < n && (heap[r] >>> payloadBits) < (heap[l] >>> payloadBits)) {
                    c = r;
                }
                heap[i] = heap[c];
                i = c;
            }
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                long p = heap[parent];
                if ((p >>> payloadBits) < xk) {
                    break;
                }
                heap[i] = p;
                i = parent;
            }
            heap[i] = x;
        }
        return (int) (top & payloadMask);
    }

    @Override
    public boolean poppedMarker() {
        return poppedMarker;
    }
}
