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
        if (image.length != width * height) {
            throw new IllegalArgumentException("image has " + image.length + " pixels, expected " + width + "x" + height);
        }
        double[] out = image.clone();
        if (sigmaY > 1e-15) {
            out = alongAxis(out, width, height, kernel(sigmaY), true);
        }
        if (sigmaX > 1e-15) {
            out = alongAxis(out, width, height, kernel(sigmaX), false);
        }
        return out;
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

    /** One pass of SciPy's symmetric {@code correlate1d} along columns ({@code vertical}) or rows. */
    private static double[] alongAxis(double[] in, int width, int height, double[] w, boolean vertical) {
        int radius = w.length - 1;
        int length = vertical ? height : width;
        int lines = vertical ? width : height;
        int stride = vertical ? width : 1;
        int lineStep = vertical ? 1 : width;
        double[] line = new double[length + 2 * radius];
        double[] out = new double[in.length];
        for (int l = 0; l < lines; l++) {
            int base = l * lineStep;
            for (int i = -radius; i < length + radius; i++) {
                line[i + radius] = in[base + mirror(i, length) * stride];
            }
            for (int i = 0; i < length; i++) {
                int c = i + radius;
                double s = line[c] * w[0];
                for (int j = radius; j >= 1; j--) {
                    s += (line[c - j] + line[c + j]) * w[j];
                }
                out[base + i * stride] = s;
            }
        }
        return out;
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
