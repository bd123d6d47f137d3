package org.hpacell.image.resample;

/**
 * numpy's summation order for a contiguous {@code float64} array ({@code pairwise_sum}): blocks of at
 * most 128 values are summed in eight interleaved accumulators combined as
 * {@code ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))}, the remainder added one by one; longer
 * arrays are split in halves (at a multiple of 8) recursively. Used where a kernel is normalised by its
 * sum, so that the weights come out as numpy's do.
 */
final class PairwiseSum {
    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    static double of(double[] a) {
        return sum(a, 0, a.length);
    }

    private static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double s = 0.0; // numpy starts from -0.0; the sign of a zero sum does not matter here
            for (int i = 0; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        int half = n / 2;
        half -= half % 8;
        return sum(a, from, half) + sum(a, from + half, n - half);
    }
}
