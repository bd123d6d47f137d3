package org.hpacell.synth;

import java.util.SplittableRandom;

/**
 * Fast noise for images: Poisson counts (exact inversion below 20 expected counts; above, the
 * continuous normal approximation N(lambda, lambda), clipped at 0, whose distribution differs from
 * Poisson's by far less than the read noise and quantisation added after it) and standard normal deviates from a 4096-entry table of normal quantiles (small enough to stay in the
 * first-level cache; deviates are thus capped at about 3.5 sigma), five per draw of 64 random bits.
 */
final class ShotNoise {
    private static final int BITS = 12;
    private static final float[] QUANTILES = quantiles(1 << BITS);
    private static final double EXACT_BELOW = 20;

    private final SplittableRandom rng;
    private long bits;
    private int left;

    ShotNoise(SplittableRandom rng) {
        this.rng = rng;
    }

    /** A standard normal deviate (resolution: 1/4096 of probability). */
    float normal() {
        if (left == 0) {
            bits = rng.nextLong();
            left = 64 / BITS;
        }
        float z = QUANTILES[(int) (bits & ((1 << BITS) - 1))];
        bits >>>= BITS;
        left--;
        return z;
    }

    /** Fills {@code out[0 .. n-1]} with standard normal deviates (as {@link #normal()} would, in order). */
    void fillNormal(float[] out, int n) {
        int mask = (1 << BITS) - 1;
        int i = 0;
        while (i < n && left > 0) {
            out[i++] = normal();
        }
        int per = 64 / BITS;
        while (i + per <= n) {
            long b = rng.nextLong();
            for (int k = 0; k < per; k++) {
                out[i++] = QUANTILES[(int) (b & mask)];
                b >>>= BITS;
            }
        }
        while (i < n) {
            out[i++] = normal();
        }
    }

    /** A Poisson count of mean {@code lambda} (as a float; non-negative). */
    float poisson(double lambda) {
        if (lambda <= 0) return 0;
        if (lambda < EXACT_BELOW) {
            double limit = Math.exp(-lambda), prod = rng.nextDouble();
            int k = 0;
            while (prod > limit) {
                prod *= rng.nextDouble();
                k++;
            }
            return k;
        }
        return approximate((float) lambda, normal());
    }

    /** The normal approximation of a Poisson count of mean {@code lambda} >= 20, given a standard normal {@code z}. */
    private static float approximate(float lambda, float z) {
        float v = lambda + (float) Math.sqrt(lambda) * z;
        return v > 0 ? v : 0;
    }

    /** Whether {@link #poisson} draws {@code lambda} exactly (small means) rather than approximately. */
    static boolean exact(float lambda) {
        return lambda < EXACT_BELOW;
    }

    /**
     * The quantiles of the standard normal at probabilities (k + 0.5) / n, from the normal density
     * integrated by the trapezoid rule on a fine grid over [-8, 8].
     */
    private static float[] quantiles(int n) {
        int steps = 1 << 20;
        double lo = -8, dz = 16.0 / steps;
        float[] q = new float[n];
        double cdf = 0, norm = 1 / Math.sqrt(2 * Math.PI);
        int k = 0;
        double prevPdf = norm * Math.exp(-lo * lo / 2);
        for (int s = 1; s <= steps && k < n; s++) {
            double z = lo + s * dz;
            double pdf = norm * Math.exp(-z * z / 2);
            double next = cdf + 0.5 * (pdf + prevPdf) * dz;
            while (k < n && next >= (k + 0.5) / n) {
                double target = (k + 0.5) / n;
                q[k++] = (float) (z - dz + dz * (target - cdf) / (next - cdf));
            }
            cdf = next;
            prevPdf = pdf;
        }
        while (k < n) q[k++] = 8f;
        return q;
    }
}
