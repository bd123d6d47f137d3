package org.hpacell.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places the cells of a field: centres spread by best-candidate sampling over a region a little larger
 * than the field (so border cells are cut), each with a star-shaped outline sized from the distance to
 * its nearest neighbour (so neighbours grow until they touch), a nucleus, and - for mitotic cells - a
 * rounder, smaller outline with a spindle axis.
 */
final class CellLayout {
    private static final int CANDIDATES = 10;

    private final SynthParams.Cells p;
    private final int size;

    CellLayout(SynthParams params) {
        this.p = params.cells();
        this.size = params.size();
    }

    /** Number of cells drawn for a field of this size: the 2048 px range scaled by (size/2048)^exponent. */
    int drawCount(SplittableRandom rng) {
        double f = Math.pow(size / 2048.0, p.countExponent());
        int lo = Math.max(1, (int) Math.round(p.countMin() * f));
        int hi = Math.max(lo, (int) Math.round(p.countMax() * f));
        return lo + rng.nextInt(hi - lo + 1);
    }

    /** The radius a cell would have if {@code n} cells covered the field's {@code coverage} evenly. */
    double referenceRadius(int n) {
        return Math.sqrt(p.coverage() * size * (double) size / (Math.PI * n));
    }

    /**
     * Plans {@code n} cells.
     *
     * @param mitoticShare  probability that a cell is mitotic
     * @param needMitotic   whether at least one cell well inside the field must be mitotic
     */
    List<CellPlan> plan(SplittableRandom rng, int n, double mitoticShare, boolean needMitotic) {
        double rRef = referenceRadius(n);
        double margin = 0.4 * rRef;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            double bx = 0, by = 0, bestD = -1;
            for (int c = 0; c < CANDIDATES; c++) {
                double x = -margin + rng.nextDouble() * (size + 2 * margin);
                double y = -margin + rng.nextDouble() * (size + 2 * margin);
                double d = nearest(xs, ys, i, x, y);
                if (d > bestD) {
                    bestD = d;
                    bx = x;
                    by = y;
                }
            }
            xs[i] = bx;
            ys[i] = by;
        }
        boolean[] mitotic = new boolean[n];
        for (int i = 0; i < n; i++) {
            mitotic[i] = rng.nextDouble() < mitoticShare;
        }
        if (needMitotic) {
            mitotic[mostCentral(xs, ys)] = true;
        }
        List<CellPlan> plans = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double nn = Math.min(nearestOther(xs, ys, i), 2.5 * rRef);
            double r0 = clamp(p.fill() * nn, 0.55 * rRef, 1.45 * rRef) * (0.9 + 0.2 * rng.nextDouble());
            plans.add(cell(rng, xs[i], ys[i], r0, mitotic[i]));
        }
        return plans;
    }

    private CellPlan cell(SplittableRandom rng, double x, double y, double r0, boolean mitotic) {
        CellPlan c = new CellPlan();
        c.cx = x;
        c.cy = y;
        c.mitotic = mitotic;
        double rn = p.nucleusScale() * r0 * (0.85 + 0.3 * rng.nextDouble());
        if (mitotic) {
            // Mitotic cells round up and detach a little: a smaller, almost circular outline.
            c.shape = new StarShape(rng, 0.72 * r0, 0.25 * p.irregularity(), 0.03);
            double t = rng.nextDouble() * 2 * Math.PI;
            c.axisX = Math.cos(t);
            c.axisY = Math.sin(t);
            c.anaphase = rng.nextDouble() < 0.3;
            c.nx = x;
            c.ny = y;
            c.nucleus = new StarShape(rng, rn, 0, 0);
        } else {
            c.shape = new StarShape(rng, r0, p.irregularity(), 0.12 * rng.nextDouble());
            double t = rng.nextDouble() * 2 * Math.PI;
            double off = 0.12 * r0 * rng.nextDouble();
            c.nx = x + off * Math.cos(t);
            c.ny = y + off * Math.sin(t);
            c.nucleus = new StarShape(rng, rn, 0.35 * p.irregularity(), 0.1 + 0.15 * rng.nextDouble());
        }
        return c;
    }

    private int mostCentral(double[] xs, double[] ys) {
        int best = 0;
        double bd = Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            double d = Math.hypot(xs[i] - size / 2.0, ys[i] - size / 2.0);
            if (d < bd) {
                bd = d;
                best = i;
            }
        }
        return best;
    }

    private static double nearest(double[] xs, double[] ys, int count, double x, double y) {
        double best = Double.MAX_VALUE;
        for (int j = 0; j < count; j++) {
            best = Math.min(best, Math.hypot(xs[j] - x, ys[j] - y));
        }
        return best;
    }

    private static double nearestOther(double[] xs, double[] ys, int i) {
        double best = Double.MAX_VALUE;
        for (int j = 0; j < xs.length; j++) {
            if (j != i) {
                best = Math.min(best, Math.hypot(xs[j] - xs[i], ys[j] - ys[i]));
            }
        }
        return best;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
