/**
 * Pseudo labels: the bridge from stage 1 (image classifiers and their class activation maps) to
 * stage 2 (a semantic segmenter trained on pixel targets, a cell classifier trained on graded cell
 * targets).
 *
 * <ul>
 *   <li>{@link org.hpacell.pseudo.ClassMaps}: the 19 per-class maps of one field (a CAM or the mean of
 *       an ensemble of CAMs), plain row-major {@code float[]}s in [0, 1].</li>
 *   <li>{@link org.hpacell.pseudo.PixelPseudoLabeler}: maps to {@link org.hpacell.pseudo.PixelPseudoLabels},
 *       hard (threshold, default 0.225) or soft, restricted to the field's image labels; multi-label
 *       per pixel.</li>
 *   <li>{@link org.hpacell.pseudo.CellGrader}: maps and a cell label image to five-level cell grades
 *       ({@link org.hpacell.pseudo.Grade}), by the rule documented on that class.</li>
 * </ul>
 * All thresholds live in {@link org.hpacell.pseudo.PseudoLabelConfig}. Everything here is pure Java over
 * primitive arrays; it does not depend on the engine that produced the maps.
 */
package org.hpacell.pseudo;
