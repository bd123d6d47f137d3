package org.hpacell.image.resample;

/**
 * OpenCV's {@code copyMakeBorder(src, top, bottom, left, right, BORDER_REFLECT)} on one channel:
 * the border mirrors the image including its edge pixel ({@code fedcba|abcdefgh|hgfedcb}); borders
 * wider than the image keep reflecting back and forth, as OpenCV's {@code borderInterpolate} does.
 */
public final class ReflectPad {
    private ReflectPad() {
    }

    /** The padded image, {@code (left + width + right) x (top + height + bottom)}. */
    public static float[] pad(float[] image, int width, int height, int top, int bottom, int left, int right) {
        Planes.checkSize(image.length, width, height);
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("padding must be >= 0");
        }
        int w = left + width + right;
        int h = top + height + bottom;
        int[] cols = new int[w];
        for (int x = 0; x < w; x++) {
            cols[x] = reflect(x - left, width);
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int row = reflect(y - top, height) * width;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = image[row + cols[x]];
            }
        }
        return out;
    }

    /** {@code borderInterpolate(p, n, BORDER_REFLECT)}. */
    static int reflect(int p, int n) {
        if (n == 1) {
            return 0;
        }
        while (p < 0 || p >= n) {
            p = p < 0 ? -p - 1 : 2 * n - 1 - p;
        }
        return p;
    }
}
