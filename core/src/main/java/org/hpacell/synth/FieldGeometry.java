package org.hpacell.synth;

import java.util.List;

/**
 * The geometry of one field once the cells are placed: the cell and nucleus label images (nucleus ids
 * equal their cell's id) and the distance maps the painters use, plus the surviving cell plans (plan
 * {@code k} has id {@code k + 1}). Arrays are row-major {@code w x h}.
 */
final class FieldGeometry {
    final int w, h;
    final int[] cells;
    final int[] nuclei;
    /** Distance inside each cell to the cell's edge (0 on the edge; the image border is not an edge). */
    final float[] edgeDist;
    /** Signed distance to the cell's own nucleus outline: negative inside the nucleus, positive outside. */
    final float[] nucleusDist;
    final List<CellPlan> plans;
    /** Mean nucleus radius over the field's cells, pixels: the length unit of the painters. */
    final double unit;

    FieldGeometry(int w, int h, int[] cells, int[] nuclei, float[] edgeDist, float[] nucleusDist,
                  List<CellPlan> plans, double unit) {
        this.w = w;
        this.h = h;
        this.cells = cells;
        this.nuclei = nuclei;
        this.edgeDist = edgeDist;
        this.nucleusDist = nucleusDist;
        this.plans = plans;
        this.unit = unit;
    }

    boolean inCell(int x, int y, int id) {
        return x >= 0 && y >= 0 && x < w && y < h && cells[y * w + x] == id;
    }

    boolean inNucleus(int x, int y, int id) {
        return x >= 0 && y >= 0 && x < w && y < h && nuclei[y * w + x] == id;
    }
}
