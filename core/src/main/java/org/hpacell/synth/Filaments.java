package org.hpacell.synth;

import java.util.SplittableRandom;

/**
 * Traces one filament as a random walk with persistence: it advances in small steps, its heading
 * diffusing with a given curvature and optionally pulled towards a preferred heading (a
 * {@link Steering}), until it leaves its cell or reaches its length.
 */
final class Filaments {
    private static final double STEP = 0.7;

    /** The heading a filament at (x, y) with heading {@code angle} prefers, or NaN for none. */
    @FunctionalInterface
    interface Steering {
        Steering NONE = (x, y, angle) -> Double.NaN;

        double preferred(double x, double y, double angle);
    }

    private Filaments() {
    }

    /**
     * @param curvature angular standard deviation (radians) accumulated over one {@code unit} of length
     * @param unit      the length unit (the cell's nucleus radius), pixels
     * @param pull      share of the gap to the preferred heading closed per unit of length
     * @param amp       line density of the deposit
     */
    static void trace(Canvas canvas, CellPlan c, SplittableRandom rng, double x, double y, double angle,
                      double maxLength, double curvature, double unit, Steering steer, double pull,
                      double amp, Region region) {
        double turn = curvature * Math.sqrt(STEP / unit);
        double gain = Math.min(1, pull * STEP / unit);
        double mass = amp * STEP;
        FieldGeometry g = canvas.g;
        for (double len = 0; len < maxLength; len += STEP) {
            x += STEP * Math.cos(angle);
            y += STEP * Math.sin(angle);
            int xi = (int) Math.round(x), yi = (int) Math.round(y);
            if (!g.inCell(xi, yi, c.id)) {
                return;
            }
            canvas.point(x, y, mass, c.id, region);
            angle += turn * StarShape.gaussian(rng);
            double want = steer.preferred(x, y, angle);
            if (!Double.isNaN(want)) {
                angle += gain * wrap(want - angle);
            }
        }
    }

    /** The angle {@code a} wrapped into (-pi, pi]. */
    static double wrap(double a) {
        while (a > Math.PI) a -= 2 * Math.PI;
        while (a <= -Math.PI) a += 2 * Math.PI;
        return a;
    }
}
