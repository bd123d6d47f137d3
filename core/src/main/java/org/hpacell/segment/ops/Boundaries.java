package org.hpacell.segment.ops;

/**
 * Label boundaries, as {@code skimage.segmentation.find_boundaries(labels, mode='thick')} with its
 * default {@code connectivity=1}: a pixel is boundary when the maximum and the minimum of the labels
 * over it and its in-image edge neighbours differ. Both sides of a border between two objects are
 * marked, and so is the background next to an object.
 */
public final class Boundaries {
    private Boundaries() {
    }

    /** Returns a new array, {@code true} on the thick boundaries. */
    public static boolean[] thick(int[] labels, int width, int height) {
        Grid.check(width, height, labels.length, "label image");
        boolean[] out = new boolean[labels.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int i = row + x;
                int v = labels[i];
                out[i] = (x > 0 && labels[i - 1] != v)
                        || (x + 1 < width && labels[i + 1] != v)
                        || (y > 0 && labels[i - width] != v)
                        || (y + 1 < height && labels[i + width] != v);
            }
        }
        return out;
    }
}
