package org.hpacell.segnet;

/**
 * The per-pixel classes an HPA-Cell-Segmentation network learns, from a label image: {@link #BACKGROUND}
 * (0), {@link #BORDER} (1, the "touching border" between two different objects) and
 * {@link #FOREGROUND} (2, inside an object and not on such a border), as in HPA's three output channels.
 *
 * <p>Rule, with the square (Chebyshev) neighbourhood of radius {@code r} around a pixel (clipped at the
 * image edge): an object pixel of id {@code a} is border when the neighbourhood holds a pixel of another
 * object {@code b != a}; a background pixel is border when the neighbourhood holds pixels of two
 * different objects (the gap between two objects that nearly touch). A border is thus about {@code 2r}
 * pixels wide where two objects meet, and absent where an object meets the background or the image
 * edge. Radius 0 gives no border at all.
 */
public final class TouchingBorders {
    public static final int BACKGROUND = 0;
    public static final int BORDER = 1;
    public static final int FOREGROUND = 2;
    /** Number of classes. */
    public static final int CLASSES = 3;

    private TouchingBorders() {
    }

    /**
     * @param labels row-major label image ({@code 0} = background)
     * @param radius neighbourhood radius in pixels ({@code >= 0})
     * @return row-major classes 0, 1, 2
     */
    public static int[] classes(int[] labels, int width, int height, int radius) {
        if (labels.length != width * height) {
            throw new IllegalArgumentException("label image has " + labels.length + " pixels, expected " + width + "x" + height);
        }
        if (radius < 0) {
            throw new IllegalArgumentException("border radius must be >= 0, got " + radius);
        }
        int[] out = new int[labels.length];
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - radius);
            int y1 = Math.min(height - 1, y + radius);
            for (int x = 0; x < width; x++) {
                int own = labels[y * width + x];
                int x0 = Math.max(0, x - radius);
                int x1 = Math.min(width - 1, x + radius);
                // the first object id met other than our own; border once a second distinct id is met
                int seen = own;
                boolean border = false;
                for (int yy = y0; yy <= y1 && !border; yy++) {
                    int row = yy * width;
                    for (int xx = x0; xx <= x1; xx++) {
                        int v = labels[row + xx];
                        if (v != 0 && v != seen) {
                            if (seen != 0) {
                                border = true;
                                break;
                            }
                            seen = v;
                        }
                    }
                }
                out[y * width + x] = border ? BORDER : own != 0 ? FOREGROUND : BACKGROUND;
            }
        }
        return out;
    }
}
