package org.hpacell.synth;

import java.util.SplittableRandom;
import org.hpacell.image.Box;

/**
 * Paints the reference stains of a field as relative densities (about 1 where the structure is
 * dense): the nuclei (blue), the microtubule network (red; in mitosis the spindle) and the
 * endoplasmic reticulum (yellow). The microtubule and reticulum maps are also the templates of the
 * protein classes that follow them.
 */
final class StainRenderer {
    private final FieldGeometry g;
    private final Textures tex;

    StainRenderer(FieldGeometry g, Textures tex) {
        this.g = g;
        this.tex = tex;
    }

    /** DNA: nuclei filled with a coarse texture, darker in nucleoli; condensed chromatin twice as bright. */
    float[] nuclei(SplittableRandom rng) {
        float[] out = new float[g.w * g.h];
        for (CellPlan c : g.plans) {
            double level = 0.8 + 0.4 * rng.nextDouble();
            double gain = c.mitotic ? 2.2 : 1.0;
            forBox(c.nucleusBox, (x, y, i) -> {
                if (g.nuclei[i] != c.id) return;
                double v = level * gain * (0.7 + 0.45 * tex.coarse[i] + 0.15 * tex.fine[i]);
                if (!c.mitotic) {
                    v *= 1 - 0.65 * c.nucleolusAt(x, y);
                }
                out[i] = (float) v;
            });
        }
        return out;
    }

    /**
     * Microtubules: in interphase, filaments radiating from the centrosome to the cell edge over a
     * faint diffuse tubulin background; in mitosis a bipolar spindle between the two poles with
     * astral rays.
     */
    float[] microtubules(SplittableRandom rng) {
        Canvas cv = new Canvas(g);
        for (CellPlan c : g.plans) {
            double rn = c.nucleusRadius();
            if (c.mitotic) {
                spindle(cv, c, rng);
            } else {
                int n = 30 + rng.nextInt(25);
                for (int k = 0; k < n; k++) {
                    double a = rng.nextDouble() * 2 * Math.PI;
                    Filaments.trace(cv, c, rng, c.csx, c.csy, a, 4 * rn, 0.35, rn, Filaments.Steering.NONE, 0,
                            0.9, Region.CELL);
                }
                cv.dot(c.csx, c.csy, Math.max(0.6, 0.07 * rn), 1.5, c.id, Region.CELL);
            }
            double diffuse = c.mitotic ? 0.3 : 0.12;
            // Over the nucleus the network is out of focus and thin: a third of its brightness.
            Box b = c.box;
            for (int y = b.y(); y < b.yEnd(); y++) {
                for (int i = y * g.w + b.x(); i < y * g.w + b.xEnd(); i++) {
                    if (g.cells[i] != c.id) continue;
                    if (g.nuclei[i] == c.id && !c.mitotic) {
                        cv.data[i] = (float) (0.35 * cv.data[i] + 0.4 * diffuse);
                    } else {
                        cv.data[i] += (float) diffuse;
                    }
                }
            }
        }
        return cv.data;
    }

    /** Fibres from each pole to the chromatin plate and past it, plus short astral rays. */
    private void spindle(Canvas cv, CellPlan c, SplittableRandom rng) {
        double rn = c.nucleusRadius();
        double px = c.csx - c.cx, py = c.csy - c.cy; // pole offset from the centre
        double perpX = -c.axisY, perpY = c.axisX;
        for (int side = -1; side <= 1; side += 2) {
            double ox = c.cx + side * px, oy = c.cy + side * py;
            for (int k = 0; k < 18; k++) {
                double v = (rng.nextDouble() * 2 - 1) * 0.75 * rn;
                double tx = c.cx + v * perpX - side * 0.1 * rn * c.axisX;
                double ty = c.cy + v * perpY - side * 0.1 * rn * c.axisY;
                cv.segment(ox, oy, tx, ty, 1.2, c.id, Region.CELL);
            }
            for (int k = 0; k < 8; k++) {
                double a = Math.atan2(side * py, side * px) + (rng.nextDouble() - 0.5) * 2.4;
                double len = rn * (0.3 + 0.4 * rng.nextDouble());
                cv.segment(ox, oy, ox + len * Math.cos(a), oy + len * Math.sin(a), 0.7, c.id, Region.CELL);
            }
            cv.dot(ox, oy, Math.max(0.6, 0.08 * rn), 2.0, c.id, Region.CELL);
        }
    }

    /**
     * Endoplasmic reticulum: a reticular network (ridges of a texture) whose density falls with the
     * distance from the nucleus, continuous with the nuclear envelope; a diffuse network in mitosis.
     */
    float[] reticulum() {
        float[] out = new float[g.w * g.h];
        for (CellPlan c : g.plans) {
            double rn = c.nucleusRadius();
            double env = Math.max(0.7, 0.06 * rn);
            DecayTable fall = new DecayTable(0.8 * rn);
            Box b = c.box;
            for (int y = b.y(); y < b.yEnd(); y++) {
                for (int i = y * g.w + b.x(); i < y * g.w + b.xEnd(); i++) {
                    if (g.cells[i] == c.id) out[i] = (float) reticulum(c, i, rn, env, fall);
                }
            }
        }
        return out;
    }

    /** The reticulum density of pixel {@code i} of cell {@code c}. */
    private double reticulum(CellPlan c, int i, double rn, double env, DecayTable fall) {
        double net = 0.2 + 1.3 * tex.ridge[i];
        if (c.mitotic) {
            return 0.45 * net;
        }
        float d = g.nucleusDist[i];
        if (d <= 0) {
            return 0.8 * Math.exp(-d * d / (2 * env * env)) + 0.04;
        }
        double density = 0.2 + 0.8 * fall.at(d);
        double edgeFade = Math.min(1, 0.4 + g.edgeDist[i] / (0.2 * rn));
        return density * net * edgeFade;
    }

    /** Pixel visitor of {@link #forBox}. */
    @FunctionalInterface
    interface BoxVisitor {
        void visit(int x, int y, int index);
    }

    /** Visits every pixel of a box of this field, row by row. */
    void forBox(Box b, BoxVisitor v) {
        for (int y = b.y(); y < b.yEnd(); y++) {
            int row = y * g.w;
            for (int x = b.x(); x < b.xEnd(); x++) {
                v.visit(x, y, row + x);
            }
        }
    }
}
