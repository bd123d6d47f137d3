package org.hpacell.stage2;

import java.util.Objects;
import org.hpacell.image.Box;
import org.hpacell.image.FieldImage;

/**
 * One cell cut out of its field: the cell's bounding box grown by the padding and clipped to the field
 * ({@link #box()}, in field coordinates), with every pixel that does not belong to the cell set to 0 in
 * all four channels. The crop is itself a {@link FieldImage} (id {@code FIELD_cCELL}, the box's size, the
 * field's bit depth and raw values), so anything that consumes fields (normalisation, resizing,
 * augmentation) consumes crops.
 *
 * @param fieldId the field the cell belongs to
 * @param cellId  the cell's id in the field's cell label image
 * @param box     the crop rectangle in the field (padded bounding box, clipped)
 * @param image   the crop's pixels
 */
public record CellCrop(String fieldId, int cellId, Box box, FieldImage image) {
    public CellCrop {
        Objects.requireNonNull(fieldId, "fieldId");
        if (image.width() != box.width() || image.height() != box.height()) {
            throw new IllegalArgumentException("crop image " + image.width() + "x" + image.height()
                    + " does not match its box " + box);
        }
    }

    /** The id a crop of cell {@code cellId} of field {@code fieldId} carries: {@code FIELD_cCELL}. */
    public static String cropId(String fieldId, int cellId) {
        return fieldId + "_c" + cellId;
    }
}
