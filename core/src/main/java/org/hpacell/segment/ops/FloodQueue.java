package org.hpacell.segment.ops;

/**
 * The priority queue of {@link Watershed}. Elements have a key (level, age), compared level first,
 * then age, and an int payload. Implementations must pop in exactly the order of scikit-image 0.19's
 * binary heap ({@code heap_general.pxi}), including among elements with <em>equal</em> keys (the
 * markers, which all enter with age 0): push places the element last and sifts it up while strictly
 * smaller than its parent; pop takes the root, moves the last element to the root and sifts it down,
 * at each node taking the left child if strictly smaller than the element, then the right child if
 * strictly smaller than that.
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
