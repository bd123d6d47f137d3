package org.hpacell.segment.ops;

import java.util.Arrays;

/**
 * The priority queue of {@link Watershed}: a binary min-heap that behaves exactly like
 * scikit-image 0.19's {@code heap_general.pxi}, so that elements with <em>equal</em> keys (the
 * markers, which all enter with age 0) come out in the same order as there.
 *
 * <p>An element is a key {@code (level << 32) | age} and a payload {@code (index << 32) | source}.
 * Push places the element last and sifts it up while strictly smaller than its parent; pop takes the
 * root, moves the last element to the root and sifts it down, at each node taking the left child if
 * strictly smaller than the element, then the right child if strictly smaller than that. (The hole
 * technique used here moves elements instead of swapping them; the resulting arrangement is the same.)
 */
final class FloodQueue {
    private long[] keys;
    private long[] payloads;
    private int size;

    FloodQueue(int capacity) {
        keys = new long[Math.max(16, capacity)];
        payloads = new long[keys.length];
    }

    static long key(int level, int age) {
        return ((long) level << 32) | (age & 0xFFFFFFFFL);
    }

    static long payload(int index, int source) {
        return ((long) index << 32) | (source & 0xFFFFFFFFL);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void push(long key, long payload) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        int child = size++;
        while (child > 0) {
            int parent = (child + 1) / 2 - 1;
            long pk = keys[parent];
            if (key < pk) {
                keys[child] = pk;
                payloads[child] = payloads[parent];
                child = parent;
            } else {
                break;
            }
        }
        keys[child] = key;
        payloads[child] = payload;
    }

    /** The key of the root (the next {@link #pop()}). */
    long peekKey() {
        return keys[0];
    }

    /** Removes the root and returns its payload. */
    long pop() {
        long top = payloads[0];
        size--;
        if (size == 0) {
            return top;
        }
        long xk = keys[size];
        long xp = payloads[size];
        int i = 0;
        int n = size;
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) {
                break;
            }
            int c = i;
            long best = xk;
            long lk = keys[l];
            if (lk < best) {
                c = l;
                best = lk;
            }
            int r = l + 1;
            if (r < n && keys[r] < best) {
                c = r;
            }
            if (c == i) {
                break;
            }
            keys[i] = keys[c];
            payloads[i] = payloads[c];
            i = c;
        }
        keys[i] = xk;
        payloads[i] = xp;
        return top;
    }
}
