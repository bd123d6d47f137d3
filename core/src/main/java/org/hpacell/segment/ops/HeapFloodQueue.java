package org.hpacell.segment.ops;

import java.util.Arrays;

/**
 * The general {@link FloodQueue}: keys {@code (level << 32) | age} in a {@code long[]}, payloads in a
 * parallel {@code int[]}. (The hole technique used here moves elements instead of swapping them, with
 * the same resulting arrangement as scikit-image's swaps.)
 */
final class HeapFloodQueue implements FloodQueue {
    private long[] keys;
    private int[] payloads;
    private int size;
    private boolean poppedMarker;

    HeapFloodQueue(int capacity) {
        keys = new long[Math.max(16, capacity)];
        payloads = new int[keys.length];
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void push(int level, int age, int payload) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        long key = ((long) level << 32) | age;
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

    @Override
    public int pop() {
        int top = payloads[0];
        poppedMarker = (int) keys[0] == 0;
        int n = --size;
        if (n == 0) {
            return top;
        }
        long xk = keys[n];
        int xp = payloads[n];
        int i = 0;
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

    @Override
    public boolean poppedMarker() {
        return poppedMarker;
    }
}
