/**
 * Prediction: per-cell confidences for the 19 classes from the outputs of the two stages, as
 * {@link org.hpacell.cam.cell.CellScores} (a cell id and a score per class).
 *
 * <ul>
 *   <li>{@link org.hpacell.predict.CombinationRule}: how a cell's score and the field's image-level
 *       probability make the final confidence (product by default; blend; either alone).</li>
 *   <li>{@link org.hpacell.predict.CellScoreEnsemble}: an ensemble of models is the mean of their scores.</li>
 * </ul>
 */
package org.hpacell.predict;
