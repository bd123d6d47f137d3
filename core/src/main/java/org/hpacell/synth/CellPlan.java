package org.hpacell.synth;

import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Box;

/**
 * Everything the generator decides about one cell before painting it: where it is, its outline and
 * nucleus, its inner landmarks (nucleoli, centrosome, spindle), whether it is in mitosis, its classes
 * and its protein level. Filled in stages by {@link CellLayout}, {@link Tessellation} and
 * {@link LabelPlanner}; a plain mutable holder private to the generator.
 */
final class CellPlan {
    /** Cell centre (the seed of the tessellation), pixels. */
    double cx, cy;
    /** Outline around (cx, cy). */
    StarShape shape;
    /** Nucleus centre and outline around it. */
    double nx, ny;
    StarShape nucleus;
    /** Whether the cell is in mitosis (no nuclear envelope; condensed chromatin; spindle). */
    boolean mitotic;
    /** Mitosis: direction of the spindle axis (unit vector) and whether chromatin has separated. */
    double axisX = 1, axisY;
    boolean anaphase;

    /** Label id in the cell and nucleus label images (1..n), 0 while not placed. */
    int id;
    /** Tight box of the cell's pixels. */
    Box box = Box.EMPTY;
    /** Box of the cell's nucleus pixels, padded by one pixel (empty if the cell has none). */
    Box nucleusBox = Box.EMPTY;
    /** Nucleoli as ellipses: centre x, y, semi-axes, rotation (cos, sin); 6 numbers each. */
    double[] nucleoli = new double[0];
    /** Centrosome position and the direction (unit vector) from the nucleus towards it. */
    double csx, csy, csDirX = 1, csDirY;

    /** The cell's classes. */
    LabelSet labels = LabelSet.EMPTY;
    /** Protein level of each class in this cell (fraction of full scale; 0 where absent). */
    final double[] level = new double[org.hpacell.atlas.Location.COUNT];

    /** Mean nucleus radius in pixels. */
    double nucleusRadius() {
        return nucleus.r0();
    }

    int nucleolusCount() {
        return nucleoli.length / 6;
    }

    /**
     * How much of nucleolus material lies at (x, y): 1 inside a nucleolus, falling smoothly to 0 over
     * its soft edge (a flat-topped {@code exp(-q^4)} profile of the elliptic radius q).
     */
    double nucleolusAt(double x, double y) {
        double best = 0;
        for (int i = 0; i < nucleoli.length; i += 6) {
            double dx = x - nucleoli[i], dy = y - nucleoli[i + 1];
            double u = (dx * nucleoli[i + 4] + dy * nucleoli[i + 5]) / nucleoli[i + 2];
            double v = (-dx * nucleoli[i + 5] + dy * nucleoli[i + 4]) / nucleoli[i + 3];
            double q2 = u * u + v * v;
            if (q2 < 4) {
                best = Math.max(best, Math.exp(-q2 * q2));
            }
        }
        return best;
    }
}
