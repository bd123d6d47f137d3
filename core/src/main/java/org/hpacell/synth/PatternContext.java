package org.hpacell.synth;

import java.util.SplittableRandom;
import org.hpacell.image.Box;

/**
 * What a {@link ProteinPattern} paints with: the protein canvas, the field geometry and textures, the
 * structure maps of the reference stains it may follow, and the field's random generator. Offers the
 * two ways patterns are made: {@link #fill} (a value per pixel of a region) and primitives on
 * {@link #canvas} placed at {@link #randomPoint random points} of a region.
 */
final class PatternContext {
    private static final int MAX_TRIES = 60;

    final FieldGeometry g;
    final Canvas canvas;
    final Textures tex;
    final float[] microtubules;
    final float[] reticulum;
    final SplittableRandom rng;

    PatternContext(FieldGeometry g, Textures tex, float[] microtubules, float[] reticulum, SplittableRandom rng) {
        this.g = g;
        this.canvas = new Canvas(g);
        this.tex = tex;
        this.microtubules = microtubules;
        this.reticulum = reticulum;
        this.rng = rng;
    }

    /** Per-pixel value of a filled pattern. */
    @FunctionalInterface
    interface PixelValue {
        double at(int x, int y, int index);
    }

    /** Adds {@code level * value(x, y)} to every pixel of {@code region} of cell {@code c}. */
    void fill(CellPlan c, Region region, double level, PixelValue value) {
        Box b = region == Region.NUCLEUS ? c.nucleusBox : c.box;
        float[] d = canvas.data;
        for (int y = b.y(); y < b.yEnd(); y++) {
            int row = y * g.w;
            for (int x = b.x(); x < b.xEnd(); x++) {
                int i = row + x;
                if (region.contains(g, i, c.id)) {
                    d[i] += (float) (level * value.at(x, y, i));
                }
            }
        }
    }

    /**
     * A uniformly random point of {@code region} of cell {@code c} accepted with probability
     * {@code weight(x, y, index)} (rejection sampling in the cell's box), or null if none was found.
     */
    double[] randomPoint(CellPlan c, Region region, PixelValue weight) {
        Box b = c.box;
        for (int t = 0; t < MAX_TRIES; t++) {
            double x = b.x() + rng.nextDouble() * b.width();
            double y = b.y() + rng.nextDouble() * b.height();
            int xi = Math.min(g.w - 1, (int) x), yi = Math.min(g.h - 1, (int) y);
            int i = yi * g.w + xi;
            if (region.contains(g, i, c.id) && rng.nextDouble() < weight.at(xi, yi, i)) {
                return new double[] {x, y};
            }
        }
        return null;
    }

    /** {@link #randomPoint(CellPlan, Region, PixelValue)} with every pixel accepted. */
    double[] randomPoint(CellPlan c, Region region) {
        return randomPoint(c, region, (x, y, i) -> 1);
    }

    /** A uniform value in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + rng.nextDouble() * (hi - lo);
    }

    /** Spot width: {@code share} of the nucleus radius, but never below 0.6 px (so spots survive small fields). */
    static double spot(CellPlan c, double share) {
        return Math.max(0.6, share * c.nucleusRadius());
    }
}
