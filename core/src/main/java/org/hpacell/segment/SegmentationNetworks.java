package org.hpacell.segment;

import org.hpacell.image.FieldImage;

/**
 * The two networks of an HPA-Cell-Segmentation-style segmenter: one maps a field to the nucleus
 * network's output, the other to the cell network's output, each at the field's full size in HPA's
 * encoding ({@link HpaPrediction}: touching border and foreground as 0..255). Implementations are our
 * own U-Nets or HPA's converted TorchScript models; {@link NetworkSegmenter} turns their outputs into
 * labels. Implementations must be safe to call from several threads at once.
 */
public interface SegmentationNetworks extends AutoCloseable {
    /** The nucleus network's output (its input is the blue channel). */
    HpaPrediction nuclei(FieldImage field);

    /** The cell network's output (its input is red, yellow and blue). */
    HpaPrediction cells(FieldImage field);

    /** Releases native resources (models, engines); the default holds none. */
    @Override
    default void close() {
    }
}
