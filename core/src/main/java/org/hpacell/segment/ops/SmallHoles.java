package org.hpacell.segment.ops;

/**
 * Removal of small holes, as {@code skimage.morphology.remove_small_holes(image, areaThreshold)} (0.19):
 * {@link SmallObjects#remove} applied to the background. Every connected component of background
 * pixels (4-connected by default) whose area is strictly less than {@code areaThreshold} becomes
 * foreground - <em>including</em> components that touch the image edge, which are not holes in the
 * topological sense but are filled all the same.
 */
public final class SmallHoles {
    private SmallHoles() {
    }

    /** Returns a new array with the small background components set. */
    public static boolean[] remove(boolean[] image, int width, int height, int areaThreshold, Connectivity connectivity) {
        Grid.check(width, height, image.length, "binary image");
        boolean[] background = new boolean[image.length];
        for (int i = 0; i < image.length; i++) {
            background[i] = !image[i];
        }
        boolean[] kept = SmallObjects.remove(background, width, height, areaThreshold, connectivity);
        boolean[] out = new boolean[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = !kept[i];
        }
        return out;
    }
}
