package org.hpacell.segment.ops;

/**
 * Otsu's threshold as {@code skimage.filters.threshold_otsu(image, nbins=256)} computes it for a
 * floating-point image (scikit-image 0.19 over NumPy's {@code histogram}), reproduced to the last bit:
 * <ul>
 *   <li>if every pixel equals the first, that value is returned;</li>
 *   <li>the histogram has 256 equal bins over [min, max]: edges {@code min + i * ((max - min) / 256)}
 *       with the last edge exactly {@code max} ({@code numpy.linspace}); a value goes to bin
 *       {@code floor((v - min) * (256 / (max - min)))}, corrected by one where that disagrees with the
 *       edges; the last bin is closed on the right;</li>
 *   <li>for each split after bin {@code i} (0..254) the between-class variance
 *       {@code w1 * w2 * (m1 - m2)^2} is computed from cumulative sums in NumPy's order of operations;
 *       the threshold is the centre {@code (edge[i] + edge[i+1]) / 2} of the first bin that maximises it.</li>
 * </ul>
 */
public final class Otsu {
    /** Number of histogram bins (scikit-image's default). */
    public static final int BINS = 256;

    private Otsu() {
    }

    /** The threshold of {@code image} (any length {@code > 0}, no NaN). */
    public static double threshold(double[] image) {
        if (image.length == 0) {
            throw new IllegalArgumentException("Otsu threshold of an empty image");
        }
        double first = image[0];
        double min = first;
        double max = first;
        boolean uniform = true;
        for (double v : image) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("Otsu threshold of an image holding NaN");
            }
            if (v != first) {
                uniform = false;
            }
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (uniform) {
            return first;
        }
        double[] edges = edges(min, max);
        double[] counts = new double[BINS];
        for (double v : image) {
            counts[bin(v, min, max, edges)]++;
        }
        return fromHistogram(edges, counts);
    }

    /**
     * The threshold of the real image {@code bytes[i] / 255.0} (values 0..255), without building it:
     * the histogram of the 256 possible values is spread into Otsu's bins value by value, with the same
     * doubles and the same bin rule as {@link #threshold(double[])}, so the result is bit-identical.
     */
    public static double thresholdOfBytes(int[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("Otsu threshold of an empty image");
        }
        long[] byValue = new long[256];
        for (int b : bytes) {
            if (b < 0 || b > 255) {
                throw new IllegalArgumentException("byte image holds " + b);
            }
            byValue[b]++;
        }
        int lo = 0;
        while (byValue[lo] == 0) {
            lo++;
        }
        int hi = 255;
        while (byValue[hi] == 0) {
            hi--;
        }
        double min = lo / 255.0;
        double max = hi / 255.0;
        if (lo == hi) {
            return min;
        }
        double[] edges = edges(min, max);
        double[] counts = new double[BINS];
        for (int b = lo; b <= hi; b++) {
            if (byValue[b] != 0) {
                counts[bin(b / 255.0, min, max, edges)] += byValue[b];
            }
        }
        return fromHistogram(edges, counts);
    }

    /** {@code numpy.linspace(min, max, BINS + 1)}. */
    private static double[] edges(double min, double max) {
        double[] edges = new double[BINS + 1];
        double step = (max - min) / BINS;
        for (int i = 0; i <= BINS; i++) {
            edges[i] = i * step + min;
        }
        edges[BINS] = max;
        return edges;
    }

    /** NumPy's bin of {@code v}: the computed index, corrected by one where it disagrees with the edges. */
    private static int bin(double v, double min, double max, double[] edges) {
        int k = (int) ((v - min) * (BINS / (max - min)));
        if (k == BINS) {
            k--;
        }
        if (v < edges[k]) {
            k--;
        }
        if (k != BINS - 1 && v >= edges[k + 1]) {
            k++;
        }
        return k;
    }

    /** Otsu on a histogram of {@link #BINS} bins between {@code edges}. */
    private static double fromHistogram(double[] edges, double[] counts) {
        double[] centers = new double[BINS];
        for (int i = 0; i < BINS; i++) {
            centers[i] = (edges[i] + edges[i + 1]) / 2.0;
        }
        double[] weight1 = new double[BINS];
        double[] sum1 = new double[BINS];
        double w = 0;
        double s = 0;
        for (int i = 0; i < BINS; i++) {
            w += counts[i];
            s += counts[i] * centers[i];
            weight1[i] = w;
            sum1[i] = s;
        }
        // weight2[i] = sum of counts[i..]; mean2[i] = (sum of counts*centers over i..) / weight2[i],
        // both accumulated from the top bin down as NumPy's reversed cumsum does.
        double[] weight2 = new double[BINS];
        double[] mean2 = new double[BINS];
        w = 0;
        s = 0;
        for (int i = BINS - 1; i >= 0; i--) {
            w += counts[i];
            s += counts[i] * centers[i];
            weight2[i] = w;
            mean2[i] = s / w;
        }
        int best = 0;
        double bestVariance = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < BINS - 1; i++) {
            double mean1 = sum1[i] / weight1[i];
            double d = mean1 - mean2[i + 1];
            double variance = weight1[i] * weight2[i + 1] * (d * d);
            // NumPy's argmax returns the first maximum; a NaN (empty class: 0/0) counts as a maximum there
            if (Double.isNaN(variance)) {
                return centers[i];
            }
            if (variance > bestVariance) {
                bestVariance = variance;
                best = i;
            }
        }
        return centers[best];
    }
}
