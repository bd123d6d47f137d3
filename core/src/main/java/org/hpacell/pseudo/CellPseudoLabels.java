package org.hpacell.pseudo;

import java.util.Arrays;
import org.hpacell.atlas.Location;

/**
 * The graded cell pseudo labels of one field: for each cell (by its id in the field's cell label image)
 * a {@link Grade} per class.
 */
public final class CellPseudoLabels {
    private final String fieldId;
    private final int[] cellIds;
    private final Grade[][] grades;

    /**
     * @param cellIds the cells' ids in ascending order
     * @param grades  {@code grades[row][k]} for the cell {@code cellIds[row]}; 19 per row
     */
    public CellPseudoLabels(String fieldId, int[] cellIds, Grade[][] grades) {
        if (cellIds.length != grades.length) {
            throw new IllegalArgumentException("field " + fieldId + ": " + cellIds.length + " cells but "
                    + grades.length + " grade rows");
        }
        for (int r = 0; r < grades.length; r++) {
            if (grades[r].length != Location.COUNT) {
                throw new IllegalArgumentException("field " + fieldId + ", cell " + cellIds[r] + ": expected "
                        + Location.COUNT + " grades, got " + grades[r].length);
            }
            if (r > 0 && cellIds[r] <= cellIds[r - 1]) {
                throw new IllegalArgumentException("field " + fieldId + ": cell ids must ascend, got "
                        + cellIds[r - 1] + " then " + cellIds[r]);
            }
        }
        this.fieldId = fieldId;
        this.cellIds = cellIds;
        this.grades = grades;
    }

    public String fieldId() {
        return fieldId;
    }

    /** Number of cells. */
    public int size() {
        return cellIds.length;
    }

    /** The id of the cell in row {@code row}. */
    public int cellId(int row) {
        return cellIds[row];
    }

    /** The row of cell {@code id}, or -1 if the field has no such cell. */
    public int rowOf(int id) {
        int r = Arrays.binarySearch(cellIds, id);
        return r >= 0 ? r : -1;
    }

    public Grade grade(int row, int k) {
        return grades[row][k];
    }

    /** The 19 soft targets of the cell in row {@code row} (a fresh array). */
    public float[] targets(int row) {
        float[] t = new float[Location.COUNT];
        for (int k = 0; k < Location.COUNT; k++) {
            t[k] = grades[row][k].value();
        }
        return t;
    }
}
