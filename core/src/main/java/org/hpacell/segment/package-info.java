/**
 * Cell and nucleus segmentation: the {@link org.hpacell.segment.CellSegmenter} contract, the
 * post-processing of HPA-Cell-Segmentation's network outputs ({@link org.hpacell.segment.HpaPostprocess})
 * and a classical segmenter that needs no weights ({@link org.hpacell.segment.ClassicalSegmenter}).
 * The pixel operations they are built from live in {@link org.hpacell.segment.ops}.
 */
package org.hpacell.segment;
