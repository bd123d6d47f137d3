package org.hpacell.image.resample;

/**
 * OpenCV's {@code resize(src, dsize, interpolation=INTER_AREA)} when the output is at least as large
 * as the input along both axes. OpenCV implements true area averaging only for shrinking; when
 * enlarging it runs its bilinear resize with "area" coefficients: output index {@code d} reads input
 * {@code s = floor(d * in / out)} and {@code s + 1} with weight
 * {@code f = (d + 1) - (s + 1) * out / in} on the second, taken as 0 when not positive and as its
 * fractional part otherwise. For an integer factor every {@code f} is 0: each input pixel is repeated.
 * Reads past the last pixel are clamped to it.
 *
 * <p>Two element types, as OpenCV computes them: {@link #resize(float[], int, int, int, int)} for
 * {@code float32} (products and sums in {@code float}) and {@link #resize8(int[], int, int, int, int)}
 * for {@code uint8} (OpenCV's fixed point: weights scaled by 2048 and rounded, rows combined as
 * {@code ((b0 * (S0 >> 4)) >> 16) + ((b1 * (S1 >> 4)) >> 16) + 2) >> 2}), which can differ from the float
 * result by one grey level.
 */
public final class AreaUpscale {
    private static final int COEF_SCALE = 2048; // INTER_RESIZE_COEF_SCALE

    private AreaUpscale() {
    }

    /** A {@code float32} channel enlarged to {@code outWidth x outHeight}. */
    public static float[] resize(float[] image, int width, int height, int outWidth, int outHeight) {
        check(image.length, width, height, outWidth, outHeight);
        if (outWidth == width && outHeight == height) {
            return image.clone(); // OpenCV copies when the size does not change
        }
        Taps xs = new Taps(width, outWidth);
        Taps ys = new Taps(height, outHeight);
        float[] rows = new float[height * outWidth];
        for (int y = 0; y < height; y++) {
            int in = y * width;
            int out = y * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int s = in + xs.index[x];
                rows[out + x] = xs.interior(x) ? image[s] * xs.w0[x] + image[s + 1] * xs.w1[x] : image[s];
            }
        }
        float[] out = new float[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++) {
            int r0 = ys.index[y] * outWidth;
            int r1 = Math.min(ys.index[y] + 1, height - 1) * outWidth;
            float b0 = ys.w0[y];
            float b1 = ys.w1[y];
            for (int x = 0; x < outWidth; x++) {
                out[y * outWidth + x] = rows[r0 + x] * b0 + rows[r1 + x] * b1;
            }
        }
        return out;
    }

    /** A {@code uint8} channel (values 0..255) enlarged to {@code outWidth x outHeight}. */
    public static int[] resize8(int[] image, int width, int height, int outWidth, int outHeight) {
        check(image.length, width, height, outWidth, outHeight);
        if (outWidth == width && outHeight == height) {
            return image.clone();
        }
        Taps xs = new Taps(width, outWidth);
        Taps ys = new Taps(height, outHeight);
        int[] ax0 = fixed(xs.w0);
        int[] ax1 = fixed(xs.w1);
        int[] rows = new int[height * outWidth];
        for (int y = 0; y < height; y++) {
            int in = y * width;
            int out = y * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int s = in + xs.index[x];
                rows[out + x] = xs.interior(x) ? image[s] * ax0[x] + image[s + 1] * ax1[x] : image[s] * COEF_SCALE;
            }
        }
        int[] b0s = fixed(ys.w0);
        int[] b1s = fixed(ys.w1);
        int[] out = new int[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++) {
            int r0 = ys.index[y] * outWidth;
            int r1 = Math.min(ys.index[y] + 1, height - 1) * outWidth;
            int b0 = b0s[y];
            int b1 = b1s[y];
            for (int x = 0; x < outWidth; x++) {
                int v = (((b0 * (rows[r0 + x] >> 4)) >> 16) + ((b1 * (rows[r1 + x] >> 4)) >> 16) + 2) >> 2;
                out[y * outWidth + x] = Math.min(255, Math.max(0, v));
            }
        }
        return out;
    }

    /** {@code saturate_cast<short>(w * INTER_RESIZE_COEF_SCALE)}: rounded half to even. */
    private static int[] fixed(float[] w) {
        int[] out = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (int) Math.rint(w[i] * COEF_SCALE);
        }
        return out;
    }

    private static void check(int length, int width, int height, int outWidth, int outHeight) {
        Planes.checkSize(length, width, height);
        if (outWidth < width || outHeight < height) {
            throw new IllegalArgumentException("INTER_AREA enlarging needs an output at least as large as the input, got "
                    + width + "x" + height + " -> " + outWidth + "x" + outHeight);
        }
    }

    /**
     * The source index and the two weights of each output index along one axis (OpenCV's {@code xofs},
     * {@code alpha} in area mode). Indices at or past the last input pixel take it alone.
     */
    private static final class Taps {
        final int[] index;
        final float[] w0;
        final float[] w1;
        /** The first output index whose source is the last input pixel (OpenCV's {@code xmax}). */
        final int last;

        Taps(int in, int out) {
            index = new int[out];
            w0 = new float[out];
            w1 = new float[out];
            double scale = (double) in / out;
            double inv = (double) out / in;
            int firstEdge = out;
            for (int d = 0; d < out; d++) {
                int s = (int) Math.floor(d * scale);
                float f = (float) ((d + 1) - (s + 1) * inv);
                f = f <= 0 ? 0f : f - (float) Math.floor(f);
                if (s + 1 >= in) {
                    firstEdge = Math.min(firstEdge, d);
                    if (s >= in - 1) {
                        f = 0f;
                        s = in - 1;
                    }
                }
                index[d] = s;
                w0[d] = 1f - f;
                w1[d] = f;
            }
            last = firstEdge;
        }

        boolean interior(int d) {
            return d < last;
        }
    }
}
