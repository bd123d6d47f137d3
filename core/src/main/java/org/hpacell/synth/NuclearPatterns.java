package org.hpacell.synth;

/**
 * Patterns of the nuclear classes 0-5: nucleoplasm (fill sparing nucleoli), nuclear membrane (rim),
 * nucleoli (blobs), fibrillar centres (small dots within nucleoli), nuclear speckles (many irregular
 * small blobs) and nuclear bodies (a few bright round dots).
 */
final class NuclearPatterns {
    private NuclearPatterns() {
    }

    /** Class 0: the whole nucleus, textured, with nucleoli spared. */
    static void nucleoplasm(PatternContext ctx, CellPlan c, double level) {
        ctx.fill(c, Region.NUCLEUS, level,
                (x, y, i) -> (0.7 + 0.6 * ctx.tex.fine[i]) * (1 - 0.85 * c.nucleolusAt(x, y)));
    }

    /** Class 1: a thin ring on the nuclear outline, both sides of it. */
    static void nuclearMembrane(PatternContext ctx, CellPlan c, double level) {
        double w = Math.max(0.7, 0.06 * c.nucleusRadius());
        double cut = 3 * w;
        ctx.fill(c, Region.CELL, 1.6 * level, (x, y, i) -> {
            float d = ctx.g.nucleusDist[i];
            return Math.abs(d) > cut ? 0 : Math.exp(-d * d / (2 * w * w)) * (0.8 + 0.4 * ctx.tex.fine[i]);
        });
    }

    /** Class 2: the nucleoli themselves. */
    static void nucleoli(PatternContext ctx, CellPlan c, double level) {
        ctx.fill(c, Region.NUCLEUS, 1.8 * level, (x, y, i) -> c.nucleolusAt(x, y) * (0.85 + 0.3 * ctx.tex.fine[i]));
    }

    /** Class 3: two to five small bright dots inside each nucleolus, over a faint nucleolar haze. */
    static void fibrillarCenter(PatternContext ctx, CellPlan c, double level) {
        ctx.fill(c, Region.NUCLEUS, 0.12 * level, (x, y, i) -> c.nucleolusAt(x, y));
        double[] n = c.nucleoli;
        for (int k = 0; k < n.length; k += 6) {
            int dots = 2 + ctx.rng.nextInt(4);
            for (int d = 0; d < dots; d++) {
                double u = ctx.uniform(-0.6, 0.6) * n[k + 2], v = ctx.uniform(-0.6, 0.6) * n[k + 3];
                double x = n[k] + u * n[k + 4] - v * n[k + 5];
                double y = n[k + 1] + u * n[k + 5] + v * n[k + 4];
                ctx.canvas.dot(x, y, PatternContext.spot(c, 0.035), 2.6 * level, c.id, Region.NUCLEUS);
            }
        }
    }

    /** Class 4: many small irregular blobs (clusters of spots) over the nucleoplasm, not in nucleoli. */
    static void speckles(PatternContext ctx, CellPlan c, double level) {
        ctx.fill(c, Region.NUCLEUS, 0.15 * level, (x, y, i) -> 1 - c.nucleolusAt(x, y));
        int n = 18 + ctx.rng.nextInt(18);
        double sigma = PatternContext.spot(c, 0.05);
        double spread = 0.07 * c.nucleusRadius();
        for (int k = 0; k < n; k++) {
            double[] p = ctx.randomPoint(c, Region.NUCLEUS, (x, y, i) -> 1 - c.nucleolusAt(x, y));
            if (p == null) continue;
            int parts = 2 + ctx.rng.nextInt(3);
            for (int j = 0; j < parts; j++) {
                ctx.canvas.dot(p[0] + spread * StarShape.gaussian(ctx.rng), p[1] + spread * StarShape.gaussian(ctx.rng),
                        sigma, 1.1 * level, c.id, Region.NUCLEUS);
            }
        }
    }

    /** Class 5: one to six bright round dots in the nucleoplasm. */
    static void nuclearBodies(PatternContext ctx, CellPlan c, double level) {
        int n = 1 + ctx.rng.nextInt(6);
        for (int k = 0; k < n; k++) {
            double[] p = ctx.randomPoint(c, Region.NUCLEUS, (x, y, i) -> 1 - c.nucleolusAt(x, y));
            if (p != null) {
                ctx.canvas.dot(p[0], p[1], PatternContext.spot(c, 0.06), 3.0 * level, c.id, Region.NUCLEUS);
            }
        }
    }
}
