/**
 * Prediction: per-cell confidences for the 19 classes from the outputs of the two stages.
 *
 * <ul>
 *   <li>{@link org.hpacell.predict.CellScores}: a score per cell and class for one field (from a cell
 *       classifier, or from a segmenter's maps reduced inside each cell).</li>
 *   <li>{@link org.hpacell.predict.CombinationRule}: how a cell's score and the field's image-level
 *       probability make the final confidence (product by default; blend; either alone).</li>
 *   <li>{@link org.hpacell.predict.CellScores#mean}: an ensemble of models is the mean of their scores.</li>
 * </ul>
 */
package org.hpacell.predict;
