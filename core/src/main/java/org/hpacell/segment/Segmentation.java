package org.hpacell.segment;

import java.util.Objects;
import org.hpacell.image.LabelImage;

/**
 * The result of segmenting one field: a cell label image and a nucleus label image of the same size.
 * In results of {@link HpaPostprocess#labelCell} and {@link ClassicalSegmenter} each nucleus carries the
 * id of the cell that holds it (a cell may have no nucleus).
 */
public record Segmentation(LabelImage cells, LabelImage nuclei) {
    public Segmentation {
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(nuclei, "nuclei");
        if (cells.width() != nuclei.width() || cells.height() != nuclei.height()) {
            throw new IllegalArgumentException("cell labels " + cells.width() + "x" + cells.height()
                    + " and nucleus labels " + nuclei.width() + "x" + nuclei.height() + " differ in size");
        }
    }
}
