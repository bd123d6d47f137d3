package org.hpacell.synth;

/**
 * Separable Gaussian blur of a row-major float image, borders clamped (the edge pixel repeats). Up to
 * {@link #EXACT_UP_TO} px the kernel is the sampled Gaussian truncated at 3 sigma and renormalised;
 * wider blurs are approximated by three successive box filters whose widths give the same variance
 * (Kovesi's "fast almost-Gaussian filtering"), at a cost independent of sigma. A sigma below 0.3 px
 * leaves the image unchanged.
 */
final class GaussianBlur {
    private GaussianBlur() {
    }

    /** Widest sigma (px) blurred with the exact sampled kernel. */
    static final double EXACT_UP_TO = 1.6;
    private static final int BOXES = 3;

    /** Blurs {@code img} in place. */
    static void apply(float[] img, int w, int h, double sigma) {
        apply(img, w, h, sigma, new float[img.length]);
    }

    /** Blurs {@code img} in place, using {@code tmp} (same length) as scratch for wide blurs. */
    static void apply(float[] img, int w, int h, double sigma, float[] tmp) {
        if (sigma < 0.3) return;
        if (sigma > EXACT_UP_TO) {
            for (int radius : boxRadii(sigma)) {
                boxRows(img, tmp, w, h, radius);
                boxColumns(tmp, img, w, h, radius);
            }
            return;
        }
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            double v = Math.exp(-i * i / (2 * sigma * sigma));
            k[i + r] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) k[i] /= (float) sum;
        float[] line = new float[w + 2 * r];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            System.arraycopy(img, row, line, r, w);
            for (int i = 0; i < r; i++) {
                line[i] = img[row + clamp(i - r, w)];
                line[r + w + i] = img[row + clamp(w + i, w)];
            }
            convolve(line, k, img, row, w);
        }
        // Vertical pass row by row (each output row is a weighted sum of whole input rows), so memory
        // is read sequentially; a ring of the last r+1 input rows keeps the rows not yet overwritten.
        float[][] ring = new float[r + 1][w];
        float[] acc = new float[w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(acc, 0f);
            for (int j = -r; j <= r; j++) {
                int src = clamp(y + j, h);
                float kj = k[j + r];
                if (src < y) {
                    float[] saved = ring[src % (r + 1)];
                    for (int x = 0; x < w; x++) acc[x] += kj * saved[x];
                } else {
                    int off = src * w;
                    for (int x = 0; x < w; x++) acc[x] += kj * img[off + x];
                }
            }
            System.arraycopy(img, y * w, ring[y % (r + 1)], 0, w);
            System.arraycopy(acc, 0, img, y * w, w);
        }
    }

    /**
     * Radii of {@link #BOXES} boxes whose summed variance is close to sigma^2: widths {@code wl} or
     * {@code wl + 2} (odd), {@code m} of them the smaller.
     */
    static int[] boxRadii(double sigma) {
        double ideal = Math.sqrt(12 * sigma * sigma / BOXES + 1);
        int wl = (int) Math.floor(ideal);
        if (wl % 2 == 0) wl--;
        int wu = wl + 2;
        long m = Math.round((12 * sigma * sigma - BOXES * wl * wl - 4.0 * BOXES * wl - 3.0 * BOXES) / (-4.0 * wl - 4));
        int[] r = new int[BOXES];
        for (int i = 0; i < BOXES; i++) {
            r[i] = ((i < m ? wl : wu) - 1) / 2;
        }
        return r;
    }

    /** Mean over {@code [x - r, x + r]} of each row (clamped edges), src to dst. */
    private static void boxRows(float[] src, float[] dst, int w, int h, int r) {
        float inv = 1f / (2 * r + 1);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            float sum = 0;
            for (int i = -r - 1; i < r; i++) sum += src[row + clamp(i, w)];
            // Edges with clamped indices; the interior (x - r - 1 >= 0 and x + r < w) without.
            int lo = Math.min(w, r + 1), hi = Math.max(lo, w - r);
            for (int x = 0; x < lo; x++) {
                sum += src[row + clamp(x + r, w)] - src[row + clamp(x - r - 1, w)];
                dst[row + x] = sum * inv;
            }
            for (int x = lo; x < hi; x++) {
                sum += src[row + x + r] - src[row + x - r - 1];
                dst[row + x] = sum * inv;
            }
            for (int x = hi; x < w; x++) {
                sum += src[row + clamp(x + r, w)] - src[row + clamp(x - r - 1, w)];
                dst[row + x] = sum * inv;
            }
        }
    }

    /** Mean over {@code [y - r, y + r]} of each column (clamped edges), src to dst, row by row. */
    private static void boxColumns(float[] src, float[] dst, int w, int h, int r) {
        float inv = 1f / (2 * r + 1);
        float[] sum = new float[w];
        for (int i = -r - 1; i < r; i++) {
            int off = clamp(i, h) * w;
            for (int x = 0; x < w; x++) sum[x] += src[off + x];
        }
        for (int y = 0; y < h; y++) {
            int add = clamp(y + r, h) * w, sub = clamp(y - r - 1, h) * w, row = y * w;
            for (int x = 0; x < w; x++) {
                sum[x] += src[add + x] - src[sub + x];
                dst[row + x] = sum[x] * inv;
            }
        }
    }

    /** {@code out[off + i] = sum_j k[j] * line[i + j]} for i in [0, n), one tap at a time (vectorisable). */
    private static void convolve(float[] line, float[] k, float[] out, int off, int n) {
        float k0 = k[0];
        for (int i = 0; i < n; i++) out[off + i] = k0 * line[i];
        for (int j = 1; j < k.length; j++) {
            float kj = k[j];
            for (int i = 0; i < n; i++) out[off + i] += kj * line[i + j];
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
