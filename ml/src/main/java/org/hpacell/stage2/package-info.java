/**
 * Stage 2: models trained on the pseudo labels of stage 1. {@link org.hpacell.stage2.CellCropper} cuts
 * each cell out of its field (padded bounding box, pixels outside the cell zeroed) for the cell
 * classifiers.
 */
package org.hpacell.stage2;
