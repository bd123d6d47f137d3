package org.hpacell.image.resample;

/** Argument checks shared by the resampling operations. */
final class Planes {
    private Planes() {
    }

    /** @throws IllegalArgumentException unless the array holds exactly {@code width x height} values */
    static void checkSize(int length, int width, int height) {
        if (width <= 0 || height <= 0 || length != width * height) {
            throw new IllegalArgumentException("image has " + length + " pixels, expected " + width + "x" + height);
        }
    }
}
