package org.hpacell.synth;

import java.util.SplittableRandom;

/**
 * A star-convex outline: the radius in direction {@code theta} is
 * {@code r0 * (1 + sum_k a_k cos(k theta) + b_k sin(k theta))} over harmonics {@code k = 1..5}, with
 * amplitudes falling as {@code 1/k}. Directions are given by their cosine and sine so that callers in
 * pixel loops never evaluate {@code atan2}: the harmonics follow from the angle-addition recurrence.
 */
final class StarShape {
    private static final int HARMONICS = 5;
    private static final double MIN_FACTOR = 0.35;
    private static final double MAX_FACTOR = 1.9;

    private final double r0;
    private final double[] a = new double[HARMONICS + 1];
    private final double[] b = new double[HARMONICS + 1];
    private final double maxRadius;

    /**
     * @param r0           mean radius in pixels
     * @param irregularity amplitude of the harmonics (0 = circle)
     * @param elongation   extra amplitude of the second harmonic (an ellipse-like stretch)
     */
    StarShape(SplittableRandom rng, double r0, double irregularity, double elongation) {
        this.r0 = r0;
        for (int k = 1; k <= HARMONICS; k++) {
            double amp = irregularity / Math.pow(k, 1.1);
            a[k] = amp * gaussian(rng);
            b[k] = amp * gaussian(rng);
        }
        double phi = rng.nextDouble() * Math.PI;
        a[2] += elongation * Math.cos(2 * phi);
        b[2] += elongation * Math.sin(2 * phi);
        double m = 0;
        for (int i = 0; i < 72; i++) {
            double t = i * Math.PI / 36;
            m = Math.max(m, radius(Math.cos(t), Math.sin(t)));
        }
        this.maxRadius = m * 1.02;
    }

    static double gaussian(SplittableRandom rng) {
        // Box-Muller on the generator's own doubles: SplittableRandom has no nextGaussian before Java 17's
        // RandomGenerator default, whose algorithm we do not want to depend on for reproducibility.
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Mean radius. */
    double r0() {
        return r0;
    }

    /** An upper bound of the radius over all directions. */
    double maxRadius() {
        return maxRadius;
    }

    /** Radius in the direction with cosine {@code c} and sine {@code s}. */
    double radius(double c, double s) {
        double f = 1;
        double ck = c, sk = s;
        for (int k = 1; k <= HARMONICS; k++) {
            f += a[k] * ck + b[k] * sk;
            double cn = ck * c - sk * s;
            sk = sk * c + ck * s;
            ck = cn;
        }
        return r0 * Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, f));
    }

    /**
     * The table of {@code 1 / radius^2} over {@code n} equal steps of the {@link #pseudoAngle pseudo
     * angle}, for pixel loops that must not evaluate the harmonics per pixel.
     */
    float[] inverseSquareTable(int n) {
        float[] t = new float[n];
        for (int k = 0; k < n; k++) {
            double p = (k + 0.5) * 4.0 / n;
            int q = (int) p;
            double f = p - q;
            // A direction with pseudo angle p: within quadrant q the pseudo angle is the share of |dy|
            // (or |dx|) in |dx| + |dy|.
            double dx, dy;
            switch (q) {
                case 0 -> { dx = 1 - f; dy = f; }
                case 1 -> { dx = -f; dy = 1 - f; }
                case 2 -> { dx = -(1 - f); dy = -f; }
                default -> { dx = f; dy = -(1 - f); }
            }
            double r = radiusToward(dx, dy);
            t[k] = (float) (1 / (r * r));
        }
        return t;
    }

    /**
     * A monotonic stand-in for the angle of (dx, dy) in [0, 4) that needs one division and no
     * trigonometry (the "diamond angle"): 0 along +x, 1 along +y, 2 along -x, 3 along -y; 0 for (0, 0).
     */
    static float pseudoAngle(float dx, float dy) {
        float adx = Math.abs(dx), ady = Math.abs(dy), s = adx + ady;
        if (s == 0) return 0;
        if (dy >= 0) {
            return dx >= 0 ? ady / s : 1 + adx / s;
        }
        return dx < 0 ? 2 + ady / s : 3 + adx / s;
    }

    /** The index of direction (dx, dy) in a table of {@code n} steps of the pseudo angle ({@link #inverseSquareTable}). */
    static int tableIndex(float dx, float dy, int n) {
        int a = (int) (pseudoAngle(dx, dy) * (n / 4f));
        return a < n ? a : n - 1;
    }

    /** Radius in the direction of the vector (dx, dy); the mean radius for a zero vector. */
    double radiusToward(double dx, double dy) {
        double r = Math.sqrt(dx * dx + dy * dy);
        return r < 1e-9 ? r0 : radius(dx / r, dy / r);
    }
}
