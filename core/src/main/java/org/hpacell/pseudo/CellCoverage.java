package org.hpacell.pseudo;

import java.util.List;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.LabelImage;
import org.hpacell.image.LabelObject;

/**
 * The stage-1 evidence inside each cell: for cell {@code c} and class {@code k}, the share of the
 * cell's pixels where {@code map_k >= threshold} (inclusive), a number in [0, 1]. Computed in one pass
 * over the field for the requested classes only (others stay 0).
 */
public final class CellCoverage {
    private final int[] cellIds;
    private final float[][] coverage;

    private CellCoverage(int[] cellIds, float[][] coverage) {
        this.cellIds = cellIds;
        this.coverage = coverage;
    }

    /**
     * @param classes the classes to measure (typically the field's image labels)
     * @throws IllegalArgumentException if the maps and the cell image differ in size
     */
    public static CellCoverage measure(ClassMaps maps, LabelImage cells, LabelSet classes, float threshold) {
        if (maps.width() != cells.width() || maps.height() != cells.height()) {
            throw new IllegalArgumentException("maps are " + maps.width() + "x" + maps.height()
                    + " but the cell image is " + cells.width() + "x" + cells.height());
        }
        List<LabelObject> objects = cells.objects();
        int[] ids = new int[objects.size()];
        int[] rowOfId = new int[cells.maxLabel() + 1];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = objects.get(r).id();
            rowOfId[ids[r]] = r;
        }
        int[] present = classes.indices();
        int[][] hits = new int[ids.length][Location.COUNT];
        int[] labels = cells.array();
        for (int k : present) {
            float[] m = maps.values();
            int off = maps.offset(k);
            for (int i = 0; i < labels.length; i++) {
                int id = labels[i];
                if (id != 0 && m[off + i] >= threshold) {
                    hits[rowOfId[id]][k]++;
                }
            }
        }
        float[][] cov = new float[ids.length][Location.COUNT];
        for (int r = 0; r < ids.length; r++) {
            float area = objects.get(r).area();
            for (int k : present) {
                cov[r][k] = hits[r][k] / area;
            }
        }
        return new CellCoverage(ids, cov);
    }

    /** The cells' ids, ascending. */
    public int[] cellIds() {
        return cellIds.clone();
    }

    public int size() {
        return cellIds.length;
    }

    /** Coverage of the cell in row {@code row} by class {@code k}. */
    public float coverage(int row, int k) {
        return coverage[row][k];
    }

    /** The largest coverage of class {@code k} over the field's cells (0 for a field without cells). */
    public float best(int k) {
        float m = 0f;
        for (float[] row : coverage) {
            if (row[k] > m) m = row[k];
        }
        return m;
    }
}
