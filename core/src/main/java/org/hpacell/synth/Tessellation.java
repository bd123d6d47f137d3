package org.hpacell.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hpacell.image.Box;

/**
 * Turns planned cells into label images. Each pixel goes to the cell with the smallest normalised
 * distance {@code r / R(theta)} (times a rough noise factor), provided it is below 1: a
 * multiplicatively weighted, noise-perturbed Voronoi partition clipped by the star outlines, so that
 * neighbours meet along irregular borders and isolated cells keep their own outline. Each cell keeps
 * only the 4-connected piece around its centre; cells left smaller than a share of the typical cell
 * (slivers at the field border) are dropped. Then nuclei, nucleoli and centrosomes are placed inside
 * the final cells.
 */
final class Tessellation {
    /** Cells smaller than this share of the reference cell area are dropped. */
    private static final double MIN_AREA_SHARE = 0.06;
    /** Directions tabulated per outline in the pixel assignment. */
    private static final int ANGLES = 1024;

    private Tessellation() {
    }

    static FieldGeometry build(int size, List<CellPlan> planned, double refRadius, double roughness,
                               float[] roughTex, float[] fineTex, SplittableRandom rng) {
        int w = size, h = size;
        int[] owner = new int[w * h];
        float[] scratch = new float[w * h];
        int[] start = assign(w, h, planned, roughness, roughTex, owner, scratch);
        List<CellPlan> kept = keepConnected(w, h, planned, start, owner, MIN_AREA_SHARE * Math.PI * refRadius * refRadius);
        float[] edge = ChamferDistance.toEdge(w, h, owner);
        int[] nuclei = new int[w * h];
        double unitSum = 0;
        for (CellPlan c : kept) {
            if (c.mitotic) {
                paintChromatin(w, h, c, owner, fineTex, nuclei);
            } else {
                paintNucleus(w, h, c, owner, edge, nuclei);
            }
            unitSum += c.nucleusRadius();
        }
        // Outside nuclei: distance to the own cell's nucleus, per cell in its box; inside: minus the
        // distance to the nucleus outline, computed per nucleus in its (padded) box only.
        float[] signed = new float[w * h];
        Arrays.fill(signed, ChamferDistance.FAR);
        float[] inner = scratch;
        for (CellPlan c : kept) {
            ChamferDistance.toSeedsInBox(w, owner, nuclei, c.id, c.box, inner, signed);
        }
        for (CellPlan c : kept) {
            Box nb = nucleusBox(w, c, nuclei);
            c.nucleusBox = nb;
            if (nb.isEmpty()) continue;
            ChamferDistance.toEdgeInBox(w, h, nuclei, nb, inner);
            for (int y = nb.y(); y < nb.yEnd(); y++) {
                for (int x = nb.x(); x < nb.xEnd(); x++) {
                    int i = y * w + x;
                    if (nuclei[i] == c.id) signed[i] = -inner[i];
                }
            }
        }
        double unit = kept.isEmpty() ? refRadius * 0.4 : unitSum / kept.size();
        FieldGeometry g = new FieldGeometry(w, h, owner, nuclei, edge, signed, kept, unit);
        for (CellPlan c : kept) {
            placeLandmarks(g, c, rng);
        }
        return g;
    }

    /** The box of cell {@code c}'s nucleus pixels padded by one pixel (empty if it has none). */
    private static Box nucleusBox(int w, CellPlan c, int[] nuclei) {
        Box b = c.box;
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = b.y(); y < b.yEnd(); y++) {
            for (int x = b.x(); x < b.xEnd(); x++) {
                if (nuclei[y * w + x] == c.id) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? Box.EMPTY : Box.ofCorners(x0, y0, x1, y1).padded(1, w, nuclei.length / w);
    }

    /** Assigns pixels to the nearest cell; returns per plan the pixel index of its smallest distance. */
    private static int[] assign(int w, int h, List<CellPlan> plans, double roughness, float[] tex, int[] owner,
                                float[] best) {
        Arrays.fill(best, 1f);
        int[] start = new int[plans.size()];
        Arrays.fill(start, -1);
        for (int k = 0; k < plans.size(); k++) {
            CellPlan c = plans.get(k);
            double reach = c.shape.maxRadius() * (1 + roughness);
            int x0 = Math.max(0, (int) Math.floor(c.cx - reach)), x1 = Math.min(w - 1, (int) Math.ceil(c.cx + reach));
            int y0 = Math.max(0, (int) Math.floor(c.cy - reach)), y1 = Math.min(h - 1, (int) Math.ceil(c.cy + reach));
            double reach2 = reach * reach;
            float[] inv = c.shape.inverseSquareTable(ANGLES);
            float minInv = Float.MAX_VALUE;
            for (float v : inv) minInv = Math.min(minInv, v);
            // A lower bound of this cell's distance at radius r, to skip pixels another cell holds firmly.
            float lowest = minInv * (float) ((1 - roughness) * (1 - roughness));
            float rough2 = (float) (2 * roughness);
            float startD = Float.MAX_VALUE;
            // Compares squared normalised distances (r / R)^2, which order like the distances themselves.
            for (int y = y0; y <= y1; y++) {
                double dy = y - c.cy;
                double half2 = reach2 - dy * dy;
                if (half2 < 0) continue;
                // The row's pixels within the reach: |x - cx| <= sqrt(reach^2 - dy^2).
                double half = Math.sqrt(half2);
                int xa = Math.max(x0, (int) Math.ceil(c.cx - half)), xb = Math.min(x1, (int) Math.floor(c.cx + half));
                int i = claimRow(y * w, xa, xb, (float) (xa - c.cx), (float) dy, lowest, rough2, inv, tex, best, owner,
                        k + 1, startD);
                if (i >= 0) {
                    startD = best[i];
                    start[k] = i;
                }
            }
        }
        return start;
    }

    /**
     * Claims for cell {@code label} the pixels {@code [xa, xb]} of the row starting at index {@code row}
     * that it holds more firmly than their current owner ({@code dx0} = the offset of pixel {@code xa}
     * from the cell centre). Returns the index of a claimed pixel closer than {@code startD}, the
     * closest such, or -1. (Its own method so the JIT compiles this loop by itself.)
     */
    private static int claimRow(int row, int xa, int xb, float dx0, float dy, float lowest, float rough2, float[] inv,
                                float[] tex, float[] best, int[] owner, int label, float startD) {
        float dy2 = dy * dy;
        int closest = -1;
        for (int x = xa; x <= xb; x++) {
            float dx = dx0 + (x - xa);
            float r2 = dx * dx + dy2;
            int i = row + x;
            if (r2 * lowest >= best[i]) continue;
            float f = 1 + rough2 * (tex[i] - 0.5f);
            float d = r2 * inv[StarShape.tableIndex(dx, dy, ANGLES)] * f * f;
            if (d < best[i]) {
                best[i] = d;
                owner[i] = label;
                if (d < startD) {
                    startD = d;
                    closest = i;
                }
            }
        }
        return closest;
    }

    /**
     * Keeps, per cell, the 4-connected component around its start pixel; drops cells below
     * {@code minArea}; renumbers the survivors 1..n in plan order and records their boxes. Visited
     * pixels are marked by negating their owner, so no full-frame mark array is needed.
     */
    private static List<CellPlan> keepConnected(int w, int h, List<CellPlan> plans, int[] start, int[] owner,
                                                double minArea) {
        int[] newId = new int[plans.size() + 1];
        List<CellPlan> kept = new ArrayList<>();
        int[][] boxes = new int[plans.size() + 1][];
        SpanFill fill = new SpanFill(w, h, owner);
        for (int k = 0; k < plans.size(); k++) {
            int label = k + 1;
            int s = start[k];
            if (s < 0 || owner[s] != label) continue;
            fill.run(s, label);
            if (fill.area >= minArea) {
                kept.add(plans.get(k));
                newId[label] = kept.size();
                boxes[label] = new int[] {fill.x0, fill.y0, fill.x1, fill.y1};
            }
        }
        for (int i = 0; i < owner.length; i++) {
            int o = owner[i];
            owner[i] = o < 0 ? newId[-o] : 0;
        }
        for (int k = 0; k < plans.size(); k++) {
            int id = newId[k + 1];
            if (id != 0) {
                CellPlan c = plans.get(k);
                c.id = id;
                int[] b = boxes[k + 1];
                c.box = Box.ofCorners(b[0], b[1], b[2], b[3]);
            }
        }
        return kept;
    }

    /**
     * Scan-line flood fill of one 4-connected component of a label image: marks its pixels by negating
     * their label and measures its area and box. Works on horizontal runs, so each pixel costs a
     * comparison or two rather than a queue entry.
     */
    private static final class SpanFill {
        private final int w, h;
        private final int[] labels;
        private int[] stack = new int[256];
        long area;
        int x0, y0, x1, y1;

        SpanFill(int w, int h, int[] labels) {
            this.w = w;
            this.h = h;
            this.labels = labels;
        }

        /** Fills the component of {@code label} holding pixel {@code seed}. */
        void run(int seed, int label) {
            area = 0;
            x0 = w;
            y0 = h;
            x1 = -1;
            y1 = -1;
            int top = 0;
            stack[top++] = seed;
            while (top > 0) {
                int i = stack[--top];
                if (labels[i] != label) continue;
                int y = i / w, row = y * w;
                int l = i, r = i;
                while (l > row && labels[l - 1] == label) l--;
                while (r < row + w - 1 && labels[r + 1] == label) r++;
                for (int j = l; j <= r; j++) labels[j] = -label;
                area += r - l + 1;
                x0 = Math.min(x0, l - row);
                x1 = Math.max(x1, r - row);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                // One seed per run of unvisited pixels of the label in the rows above and below the span.
                if (y > 0) top = pushRuns(l - w, r - w, label, top);
                if (y < h - 1) top = pushRuns(l + w, r + w, label, top);
            }
        }

        private int pushRuns(int from, int to, int label, int top) {
            boolean inRun = false;
            for (int j = from; j <= to; j++) {
                boolean in = labels[j] == label;
                if (in && !inRun) {
                    if (top == stack.length) stack = Arrays.copyOf(stack, 2 * top);
                    stack[top++] = j;
                }
                inRun = in;
            }
            return top;
        }
    }

    /** Interphase nucleus: its star outline, kept a margin away from the cell edge. */
    private static void paintNucleus(int w, int h, CellPlan c, int[] cells, float[] edge, int[] nuclei) {
        double reach = c.nucleus.maxRadius();
        float margin = (float) (0.12 * c.nucleusRadius());
        float[] inv = c.nucleus.inverseSquareTable(ANGLES);
        forDisc(w, h, c.nx, c.ny, reach, (x, y, i, dx, dy) -> {
            if (cells[i] == c.id && edge[i] >= margin
                    && (dx * dx + dy * dy) * inv[StarShape.tableIndex((float) dx, (float) dy, ANGLES)] < 1) {
                nuclei[i] = c.id;
            }
        });
    }

    /** Mitotic chromatin: one plate across the spindle axis (metaphase) or two (anaphase). */
    private static void paintChromatin(int w, int h, CellPlan c, int[] cells, float[] tex, int[] nuclei) {
        double rn = c.nucleusRadius();
        double along = c.anaphase ? 0.5 * rn : 0;
        double half = c.anaphase ? 0.65 * rn : 0.8 * rn;
        double thick = c.anaphase ? 0.17 * rn : 0.24 * rn;
        for (int side = c.anaphase ? -1 : 1; side <= 1; side += 2) {
            double px = c.cx + side * along * c.axisX, py = c.cy + side * along * c.axisY;
            forDisc(w, h, px, py, half * 1.3, (x, y, i, dx, dy) -> {
                if (cells[i] != c.id) return;
                double u = (dx * c.axisX + dy * c.axisY) / thick;
                double v = (-dx * c.axisY + dy * c.axisX) / half;
                if ((u * u + v * v) * (0.8 + 0.4 * tex[i]) < 1) nuclei[i] = c.id;
            });
        }
    }

    /** Pixel visitor of {@link #forDisc}. */
    @FunctionalInterface
    interface PixelVisitor {
        void visit(int x, int y, int index, double dx, double dy);
    }

    /** Visits every in-field pixel within {@code radius} of (cx, cy). */
    static void forDisc(int w, int h, double cx, double cy, double radius, PixelVisitor v) {
        int x0 = Math.max(0, (int) Math.floor(cx - radius)), x1 = Math.min(w - 1, (int) Math.ceil(cx + radius));
        int y0 = Math.max(0, (int) Math.floor(cy - radius)), y1 = Math.min(h - 1, (int) Math.ceil(cy + radius));
        double r2 = radius * radius;
        for (int y = y0; y <= y1; y++) {
            double dy = y - cy;
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx;
                if (dx * dx + dy * dy <= r2) v.visit(x, y, y * w + x, dx, dy);
            }
        }
    }

    /** Nucleoli inside the nucleus, and the centrosome beside it (or the spindle poles in mitosis). */
    private static void placeLandmarks(FieldGeometry g, CellPlan c, SplittableRandom rng) {
        double rn = c.nucleusRadius();
        if (c.mitotic) {
            double pole = (c.anaphase ? 1.2 : 0.85) * rn;
            c.csx = c.cx + pole * c.axisX;
            c.csy = c.cy + pole * c.axisY;
            c.csDirX = c.axisX;
            c.csDirY = c.axisY;
            return;
        }
        int count = 1 + rng.nextInt(4);
        double[] out = new double[count * 6];
        int placed = 0;
        for (int attempt = 0; attempt < 40 && placed < count; attempt++) {
            double t = rng.nextDouble() * 2 * Math.PI;
            double u = 0.55 * Math.sqrt(rng.nextDouble());
            double ct = Math.cos(t), st = Math.sin(t);
            double rad = c.nucleus.radius(ct, st) * u;
            double x = c.nx + rad * ct, y = c.ny + rad * st;
            if (!g.inNucleus((int) Math.round(x), (int) Math.round(y), c.id)) continue;
            double a = rn * (0.11 + 0.09 * rng.nextDouble());
            double rot = rng.nextDouble() * Math.PI;
            int o = placed * 6;
            out[o] = x;
            out[o + 1] = y;
            out[o + 2] = a;
            out[o + 3] = a * (0.65 + 0.35 * rng.nextDouble());
            out[o + 4] = Math.cos(rot);
            out[o + 5] = Math.sin(rot);
            placed++;
        }
        c.nucleoli = Arrays.copyOf(out, placed * 6);
        double phi = rng.nextDouble() * 2 * Math.PI;
        for (int k = 0; k < 12; k++) {
            double t = phi + k * Math.PI / 6;
            double dx = Math.cos(t), dy = Math.sin(t);
            double r = c.nucleus.radius(dx, dy) + 0.22 * rn;
            double x = c.nx + r * dx, y = c.ny + r * dy;
            int xi = (int) Math.round(x), yi = (int) Math.round(y);
            if (k == 11 || (g.inCell(xi, yi, c.id) && !g.inNucleus(xi, yi, c.id))) {
                c.csx = x;
                c.csy = y;
                c.csDirX = dx;
                c.csDirY = dy;
                return;
            }
        }
    }
}
