package org.hpacell.metric;

import java.util.Locale;

/** What the IoU of a detection and a ground-truth cell is taken over. */
public enum IouKind {
    /** The masks' pixels (the Kaggle overview's definition; the default). */
    MASK,
    /**
     * The masks' tight bounding boxes, as pixel rectangles (a box covering columns 3..5 is 3 wide), which is
     * what the organisers' re-scoring script evaluated ({@code evaluate_masks=False}). Box IoU does not
     * depend on whether boxes are normalised to the image size, so pixel boxes give the same values.
     */
    BOX;

    /** {@code "mask"} or {@code "box"} (any case). */
    public static IouKind parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown IoU kind '" + s + "' (valid: mask, box)");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
