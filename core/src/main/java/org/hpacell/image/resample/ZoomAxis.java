package org.hpacell.image.resample;

import java.util.Arrays;

/**
 * One axis of SciPy's {@code zoom(order=1, mode='mirror', grid_mode=True)}: for each output index the
 * two input indices it reads and their weights.
 */
final class ZoomAxis {
    final int[] first;
    final int[] second;
    final double[] w0;
    final double[] w1;

    ZoomAxis(int in, int out) {
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

    /** The distinct input indices the axis reads, ascending. */
    int[] used() {
        int[] all = new int[2 * first.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return Arrays.stream(all).distinct().sorted().toArray();
    }

    /** This axis with its input indices replaced by their positions in {@code used} (ascending). */
    ZoomAxis reindexed(int[] used) {
        ZoomAxis a = new ZoomAxis(this);
        for (int k = 0; k < first.length; k++) {
            a.first[k] = Arrays.binarySearch(used, first[k]);
            a.second[k] = Arrays.binarySearch(used, second[k]);
        }
        return a;
    }

    private ZoomAxis(ZoomAxis o) {
        first = o.first.clone();
        second = o.second.clone();
        w0 = o.w0;
        w1 = o.w1;
    }
}
