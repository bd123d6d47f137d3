package org.hpacell.io;

import java.util.Arrays;

/**
 * An 8-bit colour image as three planes, each row-major ({@code red[y * width + x]}) with values
 * 0..255. The segmentation networks of HPA-Cell-Segmentation write their outputs this way, one
 * meaning per plane.
 *
 * @param width  columns
 * @param height rows
 * @param red    band 0, not copied
 * @param green  band 1, not copied
 * @param blue   band 2, not copied
 */
public record RgbImage(int width, int height, int[] red, int[] green, int[] blue) {
    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        int n = width * height;
        if (red.length != n || green.length != n || blue.length != n) {
            throw new IllegalArgumentException("planes have " + red.length + "/" + green.length + "/" + blue.length
                    + " values, image " + width + "x" + height);
        }
    }

    /** Plane {@code band} (0 red, 1 green, 2 blue). */
    public int[] plane(int band) {
        return switch (band) {
            case 0 -> red;
            case 1 -> green;
            case 2 -> blue;
            default -> throw new IllegalArgumentException("band must be 0..2, got " + band);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage g && g.width == width && g.height == height && Arrays.equals(g.red, red)
                && Arrays.equals(g.green, green) && Arrays.equals(g.blue, blue);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * width + height) + Arrays.hashCode(red)) + Arrays.hashCode(green) * 7
                + Arrays.hashCode(blue);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
