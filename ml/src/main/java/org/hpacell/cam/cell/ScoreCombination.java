package org.hpacell.cam.cell;

import java.util.Locale;

/** How a cell's pooled map value and the image-level probability of the same class make its score. */
public enum ScoreCombination {
    /** map x image probability: a cell scores high only if the image has the class and the cell lights up. */
    PRODUCT,
    /** The pooled map value alone. */
    MAP,
    /** The image probability alone, the same for every cell: the "broadcast image labels" baseline. */
    IMAGE;

    public float combine(float map, float image) {
        return switch (this) {
            case PRODUCT -> map * image;
            case MAP -> map;
            case IMAGE -> image;
        };
    }

    /** Parses a name case-insensitively ({@code product}, {@code map}, {@code image}). */
    public static ScoreCombination parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown score combination '" + text + "' (product, map or image)");
        }
    }
}
