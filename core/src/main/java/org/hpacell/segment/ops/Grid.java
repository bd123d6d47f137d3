package org.hpacell.segment.ops;

/** Argument checks shared by the operations of this package. */
final class Grid {
    private Grid() {
    }

    /** Checks that the size is positive and that {@code length} equals {@code width * height}. */
    static void check(int width, int height, int length, String what) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height != length) {
            throw new IllegalArgumentException(what + " has " + length + " pixels, image is " + width + "x" + height);
        }
    }
}
