package org.hpacell.segment;

/**
 * The output of one of HPA-Cell-Segmentation's U-Nets as the post-processing reads it: per pixel the
 * touching-border probability (the green channel of the RGB network output) and the foreground
 * probability (blue), each as an integer 0..255 (the red channel, unused, is not kept). Arrays are
 * row-major and are not copied.
 */
public record HpaPrediction(int width, int height, int[] border, int[] foreground) {
    public HpaPrediction {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("prediction size must be positive, got " + width + "x" + height);
        }
        check(border, width, height, "border");
        check(foreground, width, height, "foreground");
    }

    /**
     * The green and blue planes of an RGB 8-bit network output.
     *
     * @throws IllegalArgumentException if a value is outside 0..255
     */
    public static HpaPrediction of(org.hpacell.io.RgbImage rgb) {
        return new HpaPrediction(rgb.width(), rgb.height(), rgb.green(), rgb.blue());
    }

    private static void check(int[] a, int width, int height, String what) {
        if (a.length != width * height) {
            throw new IllegalArgumentException(what + " channel has " + a.length + " pixels, expected " + width + "x" + height);
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || a[i] > 255) {
                throw new IllegalArgumentException(what + " channel value " + a[i] + " at (" + (i % width) + ","
                        + (i / width) + ") is outside 0..255");
            }
        }
    }
}
