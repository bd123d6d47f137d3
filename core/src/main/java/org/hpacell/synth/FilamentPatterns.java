package org.hpacell.synth;

/**
 * Patterns of the cytoskeletal classes: intermediate filaments (wavy filaments caging the nucleus),
 * actin filaments (straight parallel stress fibres and a cortical rim), microtubules (the red network)
 * and the mitotic spindle (the red spindle of mitotic cells).
 */
final class FilamentPatterns {
    private FilamentPatterns() {
    }

    /** Class 8: long wavy filaments running around the nucleus (tangential, not radial). */
    static void intermediateFilaments(PatternContext ctx, CellPlan c, double level) {
        double rn = c.nucleusRadius();
        int n = 22 + ctx.rng.nextInt(14);
        for (int k = 0; k < n; k++) {
            double[] p = ctx.randomPoint(c, Region.CYTOPLASM,
                    (x, y, i) -> Math.exp(-ctx.g.nucleusDist[i] / (1.5 * rn)));
            if (p == null) continue;
            double sign = ctx.rng.nextBoolean() ? 1 : -1;
            Filaments.Steering around = (x, y, a) -> Math.atan2(y - c.ny, x - c.nx) + sign * Math.PI / 2;
            double start = around.preferred(p[0], p[1], 0) + 0.3 * StarShape.gaussian(ctx.rng);
            Filaments.trace(ctx.canvas, c, ctx.rng, p[0], p[1], start, rn * ctx.uniform(2.5, 4.5), 0.9, rn,
                    around, 0.6, 0.9 * level, Region.CYTOPLASM);
        }
    }

    /** Class 9: straight stress fibres along one direction across the whole cell, plus a cortical rim. */
    static void actin(PatternContext ctx, CellPlan c, double level) {
        double rn = c.nucleusRadius();
        double a = ctx.rng.nextDouble() * Math.PI;
        double ux = Math.cos(a), uy = Math.sin(a);
        double reach = c.shape.maxRadius();
        int n = 8 + ctx.rng.nextInt(8);
        for (int k = 0; k < n; k++) {
            double off = ctx.uniform(-0.85, 0.85) * reach;
            double x0 = c.cx - off * uy, y0 = c.cy + off * ux;
            double tilt = 0.06 * StarShape.gaussian(ctx.rng);
            double amp = ctx.uniform(0.9, 1.5) * level;
            for (int dir = -1; dir <= 1; dir += 2) {
                double ang = Math.atan2(dir * uy, dir * ux) + tilt;
                Filaments.trace(ctx.canvas, c, ctx.rng, x0, y0, ang, 2 * reach, 0.02, rn, Filaments.Steering.NONE,
                        0, amp, Region.CELL);
            }
        }
        double w = Math.max(0.7, 0.06 * rn);
        ctx.fill(c, Region.CELL, 0.6 * level, (x, y, i) -> {
            float e = ctx.g.edgeDist[i];
            return Math.exp(-e * e / (2 * w * w));
        });
    }

    /** Class 10: the interphase microtubule network of the red stain. */
    static void microtubules(PatternContext ctx, CellPlan c, double level) {
        ctx.fill(c, Region.CELL, level, (x, y, i) -> ctx.microtubules[i]);
    }

    /** Class 11: the spindle of a mitotic cell (the red stain's spindle), brighter than the cytoplasm. */
    static void mitoticSpindle(PatternContext ctx, CellPlan c, double level) {
        ctx.fill(c, Region.CELL, 1.3 * level, (x, y, i) -> Math.max(0, ctx.microtubules[i] - 0.25));
    }
}
