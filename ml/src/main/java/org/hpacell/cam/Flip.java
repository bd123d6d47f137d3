package org.hpacell.cam;

import ai.djl.ndarray.NDArray;

/**
 * A mirror of an image or map along its last two axes ({@code ..., height, width}). Every flip is
 * its own inverse, and the four form a group: the set of all four is closed under composition.
 */
public enum Flip {
    /** The identity. */
    NONE(false, false),
    /** Left-right (along the width axis). */
    HORIZONTAL(true, false),
    /** Top-bottom (along the height axis). */
    VERTICAL(false, true),
    /** Both: a rotation by 180 degrees. */
    BOTH(true, true);

    private final boolean horizontal;
    private final boolean vertical;

    Flip(boolean horizontal, boolean vertical) {
        this.horizontal = horizontal;
        this.vertical = vertical;
    }

    /** {@code a} mirrored (a new array; {@code a} itself for {@link #NONE}). */
    public NDArray apply(NDArray a) {
        int last = a.getShape().dimension() - 1;
        if (horizontal && vertical) {
            return a.flip(last - 1, last);
        }
        if (horizontal) {
            return a.flip(last);
        }
        if (vertical) {
            return a.flip(last - 1);
        }
        return a;
    }

    /** Mirrors a row-major {@code width x height} plane of {@code float}s into {@code out}. */
    public void apply(float[] in, int width, int height, float[] out) {
        for (int y = 0; y < height; y++) {
            int sy = vertical ? height - 1 - y : y;
            for (int x = 0; x < width; x++) {
                int sx = horizontal ? width - 1 - x : x;
                out[y * width + x] = in[sy * width + sx];
            }
        }
    }
}
