package org.hpacell.segment.ops;

/**
 * Binary erosion with the cross (4-neighbour) structuring element, as
 * {@code skimage.morphology.binary_erosion(image)} with its default footprint: a pixel stays set when
 * it and its in-image edge neighbours are all set. Pixels outside the image count as set
 * (scikit-image passes {@code border_value=True} to SciPy), so the image edge does not erode.
 */
public final class BinaryErosion {
    private BinaryErosion() {
    }

    /** Erodes {@code image} once with the cross; returns a new array. */
    public static boolean[] cross(boolean[] image, int width, int height) {
        Grid.check(width, height, image.length, "binary image");
        boolean[] out = new boolean[image.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int i = row + x;
                out[i] = image[i]
                        && (x == 0 || image[i - 1])
                        && (x + 1 == width || image[i + 1])
                        && (y == 0 || image[i - width])
                        && (y + 1 == height || image[i + width]);
            }
        }
        return out;
    }
}
