package org.hpacell.segment.ops;

/**
 * Removal of small objects, as {@code skimage.morphology.remove_small_objects} (0.19). The cut-off is
 * strict: an object is removed when its area is <em>less than</em> {@code minSize}, so an object of
 * exactly {@code minSize} pixels survives.
 */
public final class SmallObjects {
    private SmallObjects() {
    }

    /**
     * Binary input: objects are the connected components of the {@code true} pixels (scikit-image's
     * default {@code connectivity=1} is {@link Connectivity#FOUR}). Returns a new array.
     */
    public static boolean[] remove(boolean[] image, int width, int height, int minSize, Connectivity connectivity) {
        int[] cc = ConnectedComponents.label(image, width, height, connectivity);
        int[] area = areas(cc);
        boolean[] out = new boolean[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cc[i] != 0 && area[cc[i]] >= minSize;
        }
        return out;
    }

    /**
     * Label input: an object is every pixel carrying one id, <em>connected or not</em> (scikit-image
     * counts pixels per id with {@code bincount} and does not relabel). Ids are kept; returns a new
     * array.
     */
    public static int[] removeLabels(int[] labels, int minSize) {
        int[] area = areas(labels);
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            int l = labels[i];
            out[i] = l != 0 && area[l] >= minSize ? l : 0;
        }
        return out;
    }

    /** Pixel count per id (index = id); ids must be {@code >= 0}. */
    static int[] areas(int[] labels) {
        int max = 0;
        for (int l : labels) {
            if (l < 0) {
                throw new IllegalArgumentException("negative label " + l);
            }
            if (l > max) {
                max = l;
            }
        }
        int[] area = new int[max + 1];
        for (int l : labels) {
            area[l]++;
        }
        return area;
    }
}
