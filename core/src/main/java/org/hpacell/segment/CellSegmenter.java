package org.hpacell.segment;

import org.hpacell.image.FieldImage;

/**
 * Segments a field of view into cells and nuclei. Implementations: {@link ClassicalSegmenter} (no
 * weights); segmenters running U-Nets followed by {@link HpaPostprocess} implement it as well.
 * Implementations are safe to call from several threads at once.
 */
@FunctionalInterface
public interface CellSegmenter {
    /** Cell and nucleus labels at the field's full size. */
    Segmentation segment(FieldImage field);
}
