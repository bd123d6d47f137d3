package org.hpacell.synth;

/**
 * Patterns of the cytoplasmic and membrane classes: endoplasmic reticulum, Golgi apparatus, centrosome,
 * plasma membrane, mitochondria, aggresome, cytosol and vesicles.
 */
final class CytoplasmicPatterns {
    private CytoplasmicPatterns() {
    }

    /** Class 6: the reticulum map of the yellow stain itself. */
    static void reticulum(PatternContext ctx, CellPlan c, double level) {
        ctx.fill(c, Region.CELL, level, (x, y, i) -> ctx.reticulum[i]);
    }

    /** Class 7: a perinuclear cap of packed blobs on one side of the nucleus, around the centrosome. */
    static void golgi(PatternContext ctx, CellPlan c, double level) {
        double rn = c.nucleusRadius();
        double base = Math.atan2(c.csDirY, c.csDirX);
        int n = 12 + ctx.rng.nextInt(12);
        for (int k = 0; k < n; k++) {
            double a = base + 0.45 * StarShape.gaussian(ctx.rng);
            double ca = Math.cos(a), sa = Math.sin(a);
            double r = c.nucleus.radius(ca, sa) + rn * ctx.uniform(0.05, 0.45);
            ctx.canvas.dot(c.nx + r * ca, c.ny + r * sa, PatternContext.spot(c, ctx.uniform(0.05, 0.1)),
                    1.6 * level, c.id, Region.CYTOPLASM);
        }
    }

    /** Class 12: one or two bright dots at the centrosome (both spindle poles in mitosis). */
    static void centrosome(PatternContext ctx, CellPlan c, double level) {
        double s = PatternContext.spot(c, 0.06);
        ctx.canvas.dot(c.csx, c.csy, s, 4 * level, c.id, Region.CELL);
        if (c.mitotic) {
            ctx.canvas.dot(2 * c.cx - c.csx, 2 * c.cy - c.csy, s, 4 * level, c.id, Region.CELL);
        } else if (ctx.rng.nextBoolean()) {
            double off = 0.12 * c.nucleusRadius();
            double a = ctx.rng.nextDouble() * 2 * Math.PI;
            ctx.canvas.dot(c.csx + off * Math.cos(a), c.csy + off * Math.sin(a), s, 3 * level, c.id, Region.CELL);
        }
    }

    /** Class 13: a thin band along the cell's edge (not along the image border). */
    static void plasmaMembrane(PatternContext ctx, CellPlan c, double level) {
        double w = Math.max(0.7, 0.07 * c.nucleusRadius());
        ctx.fill(c, Region.CELL, level, (x, y, i) -> {
            float e = ctx.g.edgeDist[i];
            return 1.5 * Math.exp(-e * e / (2 * w * w)) * (0.7 + 0.6 * ctx.tex.fine[i]) + 0.06;
        });
    }

    /** Class 14: many short rods, denser near the nucleus. */
    static void mitochondria(PatternContext ctx, CellPlan c, double level) {
        double rn = c.nucleusRadius();
        int n = 50 + ctx.rng.nextInt(50);
        double sigma = PatternContext.spot(c, 0.035);
        for (int k = 0; k < n; k++) {
            double[] p = ctx.randomPoint(c, Region.CYTOPLASM,
                    (x, y, i) -> Math.exp(-ctx.g.nucleusDist[i] / (1.3 * rn)));
            if (p == null) continue;
            double len = rn * ctx.uniform(0.15, 0.4);
            double a = ctx.rng.nextDouble() * Math.PI;
            int dots = Math.max(2, (int) Math.ceil(len / sigma));
            for (int j = 0; j <= dots; j++) {
                double t = (j / (double) dots - 0.5) * len;
                ctx.canvas.dot(p[0] + t * Math.cos(a), p[1] + t * Math.sin(a), sigma, 0.9 * level, c.id, Region.CYTOPLASM);
            }
        }
    }

    /** Class 15: one large bright irregular body next to the nucleus. */
    static void aggresome(PatternContext ctx, CellPlan c, double level) {
        double rn = c.nucleusRadius();
        ctx.fill(c, Region.CYTOPLASM, 0.08 * level, (x, y, i) -> 1);
        double a = ctx.rng.nextDouble() * 2 * Math.PI;
        double ca = Math.cos(a), sa = Math.sin(a);
        double r = c.nucleus.radius(ca, sa) + 0.3 * rn;
        double x = c.nx + r * ca, y = c.ny + r * sa;
        int parts = 3 + ctx.rng.nextInt(3);
        for (int k = 0; k < parts; k++) {
            double off = 0.1 * rn;
            ctx.canvas.dot(x + off * StarShape.gaussian(ctx.rng), y + off * StarShape.gaussian(ctx.rng),
                    rn * ctx.uniform(0.12, 0.2), 1.6 * level, c.id, Region.CYTOPLASM);
        }
    }

    /** Class 16: diffuse cytoplasm, faint in the nucleus. */
    static void cytosol(PatternContext ctx, CellPlan c, double level) {
        ctx.fill(c, Region.CELL, level, (x, y, i) ->
                (ctx.g.nuclei[i] == c.id ? 0.12 : 0.75) * (0.7 + 0.6 * ctx.tex.fine[i]));
    }

    /** Class 17: many round puncta spread over the whole cytoplasm. */
    static void vesicles(PatternContext ctx, CellPlan c, double level) {
        int n = 40 + ctx.rng.nextInt(50);
        double sigma = PatternContext.spot(c, 0.045);
        for (int k = 0; k < n; k++) {
            double[] p = ctx.randomPoint(c, Region.CYTOPLASM);
            if (p != null) {
                ctx.canvas.dot(p[0], p[1], sigma, ctx.uniform(1.2, 2.2) * level, c.id, Region.CYTOPLASM);
            }
        }
    }

    /** Class 18: no specific signal (the unspecific haze every cell gets is painted separately). */
    static void negative(PatternContext ctx, CellPlan c, double level) {
        // Negative cells carry nothing beyond the haze: the absence of a pattern is the pattern.
    }
}
