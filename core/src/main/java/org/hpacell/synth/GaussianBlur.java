package org.hpacell.synth;

/**
 * Separable Gaussian blur of a row-major float image, kernel truncated at 3 sigma and renormalised,
 * borders clamped (the edge pixel repeats). A sigma below 0.3 px leaves the image unchanged.
 */
final class GaussianBlur {
    private GaussianBlur() {
    }

    /** Blurs {@code img} in place. */
    static void apply(float[] img, int w, int h, double sigma) {
        if (sigma < 0.3) return;
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
        float[] out = new float[w];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int i = 0; i < w + 2 * r; i++) line[i] = img[row + clamp(i - r, w)];
            convolve(line, k, out, w);
            System.arraycopy(out, 0, img, row, w);
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

    private static void convolve(float[] line, float[] k, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            float s = 0;
            for (int j = 0; j < k.length; j++) s += line[i + j] * k[j];
            out[i] = s;
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : (i >= n ? n - 1 : i);
    }
}
