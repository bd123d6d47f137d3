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
     * {@code label(remove(image, minSize, c), c)} in one labelling: the components of size at least
     * {@code minSize}, numbered 1, 2, ... in raster order of their first pixel, 0 elsewhere. (Removing
     * whole components neither joins nor splits the others, and keeps their raster order, so the
     * second labelling of the composition only renumbers.)
     */
    public static int[] labelKept(boolean[] image, int width, int height, int minSize, Connectivity connectivity) {
        return relabelKept(ConnectedComponents.label(image, width, height, connectivity), minSize);
    }

    /**
     * {@code label(removeLabels(components, minSize), c)} for {@code components} that are already the
     * c-connected components of something, numbered in raster order (an output of
     * {@link ConnectedComponents#label}): the kept ones renumbered 1, 2, ... in the same order. Two
     * different c-components are never c-adjacent, so relabelling them would only renumber. Works in
     * place and returns {@code components}.
     */
    public static int[] relabelKept(int[] components, int minSize) {
        int[] area = areas(components);
        int[] id = new int[area.length];
        int kept = 0;
        for (int l = 1; l < area.length; l++) {
            if (area[l] >= minSize) {
                id[l] = ++kept; // ids already ascend in raster order of first pixel
            }
        }
        for (int i = 0; i < components.length; i++) {
            components[i] = id[components[i]];
        }
        return components;
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
