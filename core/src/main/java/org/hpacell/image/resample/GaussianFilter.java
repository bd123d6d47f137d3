package org.hpacell.image.resample;

/**
 * SciPy's {@code ndimage.gaussian_filter(image, (sigmaY, sigmaX), mode='mirror', truncate=4.0)} on a
 * 2-D {@code double} image: a 1-D correlation along rows (axis 0) and then along columns (axis 1), each
 * skipped when its sigma is not above 1e-15 as SciPy does.
 *
 * <p>Details reproduced from SciPy 1.10: the kernel radius is {@code (int) (4 * sigma + 0.5)}; the
 * weights are {@code exp(-0.5 / sigma^2 * x^2)} divided by their sum, the sum taken in numpy's pairwise
 * order; the correlation adds the centre term first and then the symmetric pairs from the outermost
 * in; outside the image, {@code mirror} reflects about the edge pixel without repeating it
 * ({@code d c b | a b c d | c b a}).
 */
public final class GaussianFilter {
    private GaussianFilter() {
    }

    /** The filtered image, a new array. */
    public static double[] filter(double[] image, int width, int height, double sigmaY, double sigmaX) {
        return filterAt(image, width, height, sigmaY, sigmaX, range(height), range(width));
    }

    /**
     * The filtered image at the given rows and columns only: a compact {@code rows.length x
     * cols.length} array, each value computed exactly as {@link #filter} computes it (rows along
     * axis 0 first, then columns), for the cost of the rows and columns asked for.
     */
    static double[] filterAt(double[] image, int width, int height, double sigmaY, double sigmaX, int[] rows, int[] cols) {
        Planes.checkSize(image.length, width, height);
        double[] ky = sigmaY > 1e-15 ? kernel(sigmaY) : null; // SciPy skips an axis whose sigma is ~0
        double[] kx = sigmaX > 1e-15 ? kernel(sigmaX) : null;
        double[] row = new double[width];
        double[] out = new double[rows.length * cols.length];
        for (int i = 0; i < rows.length; i++) {
            verticalRow(image, width, height, ky, rows[i], row);
            for (int j = 0; j < cols.length; j++) {
                out[i * cols.length + j] = kx == null ? row[cols[j]] : horizontalAt(row, kx, cols[j]);
            }
        }
        return out;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /** Row {@code r} after the pass along axis 0 (or the row itself without one) into {@code out}. */
    private static void verticalRow(double[] image, int width, int height, double[] w, int r, double[] out) {
        int base = r * width;
        if (w == null) {
            System.arraycopy(image, base, out, 0, width);
            return;
        }
        // SciPy's symmetric correlate1d: centre term first, then the pairs from the outermost in
        for (int c = 0; c < width; c++) {
            out[c] = image[base + c] * w[0];
        }
        for (int j = w.length - 1; j >= 1; j--) {
            int above = mirror(r - j, height) * width;
            int below = mirror(r + j, height) * width;
            double wj = w[j];
            for (int c = 0; c < width; c++) {
                out[c] += (image[above + c] + image[below + c]) * wj;
            }
        }
    }

    /** The pass along axis 1 at column {@code c} of one row. */
    private static double horizontalAt(double[] row, double[] w, int c) {
        int n = row.length;
        int radius = w.length - 1;
        double s = row[c] * w[0];
        if (c >= radius && c + radius < n) { // no reflection needed
            for (int j = radius; j >= 1; j--) {
                s += (row[c - j] + row[c + j]) * w[j];
            }
            return s;
        }
        for (int j = radius; j >= 1; j--) {
            s += (row[mirror(c - j, n)] + row[mirror(c + j, n)]) * w[j];
        }
        return s;
    }

    /**
     * The half kernel {@code w[0..radius]} (w[0] the centre) of {@code gaussian_filter1d}, normalised
     * by the full kernel's sum.
     */
    static double[] kernel(double sigma) {
        int radius = (int) (4.0 * sigma + 0.5);
        double c = -0.5 / (sigma * sigma);
        double[] full = new double[2 * radius + 1];
        for (int i = 0; i < full.length; i++) {
            double x = i - radius;
            full[i] = Math.exp(c * (x * x));
        }
        double sum = PairwiseSum.of(full);
        double[] half = new double[radius + 1];
        for (int j = 0; j <= radius; j++) {
            half[j] = full[radius + j] / sum;
        }
        return half;
    }

    /** SciPy's {@code mirror} extension: the index inside {@code [0, n)} that position {@code i} reads. */
    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n - 2;
        int p = Math.floorMod(i, period);
        return p < n ? p : period - p;
    }
}
