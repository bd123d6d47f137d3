package org.hpacell.image.resample;

/**
 * SciPy's {@code ndimage.zoom(image, zoom, order=1, mode='mirror', grid_mode=True)} on a 2-D
 * {@code double} image, to a given output size: bilinear interpolation where output pixel {@code k}
 * of an axis samples the input at {@code (k + 0.5) * in / out - 0.5} (pixel edges aligned, as
 * {@code grid_mode} means), coordinates outside the image mirrored about the edge pixel.
 *
 * <p>Each value is SciPy's sum over the four neighbours in row-major order of
 * {@code value * weightY * weightX}, in that order of multiplication, so results agree with SciPy to
 * the last bit.
 */
public final class LinearZoom {
    private LinearZoom() {
    }

    /** The image resampled to {@code outWidth x outHeight}, a new array. */
    public static double[] zoom(double[] image, int width, int height, int outWidth, int outHeight) {
        Planes.checkSize(image.length, width, height);
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("output size must be positive, got " + outWidth + "x" + outHeight);
        }
        ZoomAxis ys = new ZoomAxis(height, outHeight);
        ZoomAxis xs = new ZoomAxis(width, outWidth);
        return interpolate(image, width, ys, xs);
    }

    /**
     * The zoom reading {@code source}, a {@code sourceWidth}-wide image addressed by the axes' indices
     * (the full image, or a compact one holding only the rows and columns the axes read, re-indexed).
     */
    static double[] interpolate(double[] image, int width, ZoomAxis ys, ZoomAxis xs) {
        int outHeight = ys.first.length;
        int outWidth = xs.first.length;
        double[] out = new double[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++) {
            int r0 = ys.first[y] * width;
            int r1 = ys.second[y] * width;
            double wy0 = ys.w0[y];
            double wy1 = ys.w1[y];
            for (int x = 0; x < outWidth; x++) {
                int c0 = xs.first[x];
                int c1 = xs.second[x];
                double t = 0.0;
                t += image[r0 + c0] * wy0 * xs.w0[x];
                t += image[r0 + c1] * wy0 * xs.w1[x];
                t += image[r1 + c0] * wy1 * xs.w0[x];
                t += image[r1 + c1] * wy1 * xs.w1[x];
                out[y * outWidth + x] = t;
            }
        }
        return out;
    }
}
