package org.hpacell.train.data;

/**
 * Resamples planes through a {@link Geometry}: bilinear for images (after an integer box reduction
 * when the geometry shrinks the source by 2x or more, so downscaling averages instead of skipping
 * pixels), nearest neighbour for label images. Coordinates outside the source are clamped to the edge.
 */
public final class Resampler {
    private Resampler() {
    }

    /**
     * Resamples one row-major plane.
     *
     * @return a row-major {@code size x size} plane
     */
    public static float[] bilinear(float[] src, int width, int height, Geometry g) {
        int factor = (int) Math.floor(g.reduction());
        if (factor >= 2) {
            int rw = width / factor;
            int rh = height / factor;
            if (rw >= 1 && rh >= 1) {
                float[] reduced = boxReduce(src, width, rw, rh, factor);
                return sample(reduced, rw, rh, g, 1.0 / factor, 1.0 / factor);
            }
        }
        return sample(src, width, height, g, 1, 1);
    }

    /** Nearest-neighbour resampling of a label plane (labels are never blended). */
    public static int[] nearest(int[] src, int width, int height, Geometry g) {
        int s = g.size();
        int[] out = new int[s * s];
        for (int oy = 0; oy < s; oy++) {
            for (int ox = 0; ox < s; ox++) {
                int x = clamp((int) Math.floor(g.sourceX(ox, oy)), width);
                int y = clamp((int) Math.floor(g.sourceY(ox, oy)), height);
                out[oy * s + ox] = src[y * width + x];
            }
        }
        return out;
    }

    /** Averages {@code factor x factor} blocks (the right/bottom remainder is dropped). */
    private static float[] boxReduce(float[] src, int width, int rw, int rh, int factor) {
        float[] out = new float[rw * rh];
        float inv = 1f / (factor * factor);
        for (int y = 0; y < rh; y++) {
            for (int dy = 0; dy < factor; dy++) {
                int row = (y * factor + dy) * width;
                for (int x = 0; x < rw; x++) {
                    float sum = 0;
                    int base = row + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        sum += src[base + dx];
                    }
                    out[y * rw + x] += sum;
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] *= inv;
        }
        return out;
    }

    /** Bilinear sampling; {@code sx, sy} scale source coordinates of {@code g} into {@code src}'s frame. */
    private static float[] sample(float[] src, int width, int height, Geometry g, double sx, double sy) {
        int s = g.size();
        float[] out = new float[s * s];
        for (int oy = 0; oy < s; oy++) {
            for (int ox = 0; ox < s; ox++) {
                double fx = g.sourceX(ox, oy) * sx - 0.5;
                double fy = g.sourceY(ox, oy) * sy - 0.5;
                int x0 = (int) Math.floor(fx);
                int y0 = (int) Math.floor(fy);
                float ax = (float) (fx - x0);
                float ay = (float) (fy - y0);
                int xa = clamp(x0, width);
                int xb = clamp(x0 + 1, width);
                int ya = clamp(y0, height) * width;
                int yb = clamp(y0 + 1, height) * width;
                float top = src[ya + xa] + ax * (src[ya + xb] - src[ya + xa]);
                float bottom = src[yb + xa] + ax * (src[yb + xb] - src[yb + xa]);
                out[oy * s + ox] = top + ay * (bottom - top);
            }
        }
        return out;
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : (v >= n ? n - 1 : v);
    }
}
