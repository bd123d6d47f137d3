package org.hpacell.segment.ops;

/**
 * The priority queue of {@link Watershed}. Elements have a key (level, age), compared level first,
 * then age, and an int payload. Implementations must pop in exactly the order of scikit-image 0.19's
 * binary heap ({@code heap_general.pxi}), including among elements with <em>equal</em> keys (the
 * markers, which all enter with age 0): push places the element last and sifts it up while strictly
 * smaller than its parent; pop takes the root, moves the last element to the root and sifts it down,
 * at each node taking the left child if strictly smaller than the element, then the right child if
 * strictly smaller than that.
 *
 * <p>Why no bucket queue (one FIFO per level), although the flooded images have few levels: for
 * elements with distinct keys any correct priority queue pops the same sequence, and a FIFO per level
 * pops (level, age) order when ages grow with each push - so it would be exact for the flooded
 * pixels, whose ages are distinct. It is not exact for the markers: they all enter with age 0, and a
 * binary heap pops equal keys in an order set by its arrangement, not by entry. Three markers a, b, c
 * of one level pop a, c, b (after a leaves, c moves to the root and b is not strictly smaller), where
 * a FIFO pops a, b, c; marker order decides which label reaches a contested pixel first and the ages
 * of what they push. Ties last as long as two markers of one level are queued, which in label_cell's
 * floods is until the last few pops (measured on a 2048 px field: 4,164,935 of 4,166,359 pops and
 * 4,036,457 of 4,036,461), so switching to buckets once they end saves nothing.
 */
interface FloodQueue {
    boolean isEmpty();

    /** @param level {@code >= 0}; @param age {@code >= 0}; @param payload {@code >= 0} */
    void push(int level, int age, int payload);

    /** Removes the root; returns its payload. */
    int pop();

    /** Whether the element last popped had age 0. */
    boolean poppedMarker();
}
