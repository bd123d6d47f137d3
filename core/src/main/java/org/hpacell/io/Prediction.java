package org.hpacell.io;

import org.hpacell.atlas.Location;

/**
 * One triple of a submission's PredictionString: a class index, the confidence that the cell shows
 * that class, and the cell's mask as a Kaggle string ({@link MaskCodec}). Ground truth uses the same
 * record with confidence 1.
 *
 * @param classIndex   0..18 ({@link Location#index()})
 * @param confidence   a finite number; higher means more confident
 * @param encodedMask  the Kaggle mask string (non-empty, no whitespace); decoded only when needed
 */
public record Prediction(int classIndex, double confidence, String encodedMask) {
    public Prediction {
        Location.of(classIndex);
        if (!Double.isFinite(confidence)) {
            throw new IllegalArgumentException("confidence must be finite, got " + confidence);
        }
        if (encodedMask.isEmpty() || hasWhitespace(encodedMask)) {
            throw new IllegalArgumentException("mask string must be non-empty without whitespace");
        }
    }

    private static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The class. */
    public Location location() {
        return Location.of(classIndex);
    }
}
