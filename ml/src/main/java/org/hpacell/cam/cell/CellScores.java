package org.hpacell.cam.cell;

/**
 * The class scores of one cell: its id in the field's label image and one score per class.
 *
 * @param cellId the label of the cell in the field's {@link org.hpacell.image.LabelImage}
 * @param scores one score per class, in class-index order (not copied)
 */
public record CellScores(int cellId, float[] scores) {
}
