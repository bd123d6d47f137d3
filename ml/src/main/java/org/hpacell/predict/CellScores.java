package org.hpacell.predict;

import java.util.Arrays;
import java.util.List;
import org.hpacell.atlas.Location;

/**
 * Scores in [0, 1] for every cell of one field and each of the 19 classes: {@code scores[row][k]} for the
 * cell {@code cellIds[row]} (its id in the field's cell label image). Immutable once built: the arrays
 * are copied in and out.
 */
public final class CellScores {
    private final String fieldId;
    private final int[] cellIds;
    private final float[][] scores;

    /**
     * @param cellIds distinct cell ids in ascending order
     * @param scores  one row of 19 scores per cell
     */
    public CellScores(String fieldId, int[] cellIds, float[][] scores) {
        if (cellIds.length != scores.length) {
            throw new IllegalArgumentException("field " + fieldId + ": " + cellIds.length + " cells but "
                    + scores.length + " score rows");
        }
        this.fieldId = fieldId;
        this.cellIds = cellIds.clone();
        this.scores = new float[scores.length][];
        for (int r = 0; r < scores.length; r++) {
            if (scores[r].length != Location.COUNT) {
                throw new IllegalArgumentException("field " + fieldId + ", cell " + cellIds[r] + ": expected "
                        + Location.COUNT + " scores, got " + scores[r].length);
            }
            if (r > 0 && cellIds[r] <= cellIds[r - 1]) {
                throw new IllegalArgumentException("field " + fieldId + ": cell ids must ascend, got "
                        + cellIds[r - 1] + " then " + cellIds[r]);
            }
            this.scores[r] = scores[r].clone();
        }
    }

    public String fieldId() {
        return fieldId;
    }

    public int size() {
        return cellIds.length;
    }

    public int cellId(int row) {
        return cellIds[row];
    }

    /** The 19 scores of the cell in row {@code row} (a copy). */
    public float[] scores(int row) {
        return scores[row].clone();
    }

    public float score(int row, int k) {
        return scores[row][k];
    }

    /**
     * The ensemble of several models' scores for the same field: the mean per cell and class.
     *
     * @throws IllegalArgumentException if the list is empty or the members disagree on field or cells
     */
    public static CellScores mean(List<CellScores> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        CellScores first = members.get(0);
        float[][] sum = new float[first.size()][Location.COUNT];
        for (CellScores m : members) {
            if (!m.fieldId.equals(first.fieldId) || !Arrays.equals(m.cellIds, first.cellIds)) {
                throw new IllegalArgumentException("ensemble members disagree: field " + first.fieldId + " with "
                        + first.size() + " cells vs field " + m.fieldId + " with " + m.size() + " cells");
            }
            for (int r = 0; r < sum.length; r++) {
                for (int k = 0; k < Location.COUNT; k++) {
                    sum[r][k] += m.scores[r][k];
                }
            }
        }
        float inv = 1f / members.size();
        for (float[] row : sum) {
            for (int k = 0; k < Location.COUNT; k++) {
                row[k] *= inv;
            }
        }
        return new CellScores(first.fieldId, first.cellIds, sum);
    }
}
