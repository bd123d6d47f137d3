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
        if (image.length != width * height) {
            throw new IllegalArgumentException("image has " + image.length + " pixels, expected " + width + "x" + height);
        }
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("output size must be positive, got " + outWidth + "x" + outHeight);
        }
        Axis ys = new Axis(height, outHeight);
        Axis xs = new Axis(width, outWidth);
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

    /** The two input indices and weights of each output index along one axis. */
    private static final class Axis {
        final int[] first;
        final int[] second;
        final double[] w0;
        final double[] w1;

        Axis(int in, int out) {
            first = new int[out];
            second = new int[out];
            w0 = new double[out];
            w1 = new double[out];
            double zoom = (double) in / out;
            for (int k = 0; k < out; k++) {
                double cc = mirror((k + 0.5) * zoom - 0.5, in);
                int start = (int) Math.floor(cc);
                double t = cc - start;
                first[k] = GaussianFilter.mirror(start, in);
                second[k] = GaussianFilter.mirror(start + 1, in);
                w0[k] = 1.0 - t;
                w1[k] = t;
            }
        }

        /** SciPy's {@code map_coordinate} for {@code mirror}: a coordinate outside [0, n-1] reflected in. */
        private static double mirror(double c, int n) {
            if (c >= 0 && c <= n - 1) {
                return c;
            }
            if (n <= 1) {
                return 0;
            }
            double period = 2.0 * n - 2;
            if (c < 0) {
                if (c < -period) {
                    c = period * (long) (-c / period) + c;
                }
                return c <= 1 - n ? c + period : -c;
            }
            c -= period * (long) (c / period);
            return c >= n ? period - c : c;
        }
    }
}
