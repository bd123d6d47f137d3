package org.hpacell.predict;

import java.util.Locale;
import org.hpacell.atlas.Location;

/**
 * How the final confidence of class {@code k} for a cell is made from the cell's stage-2 score
 * {@code c_k} and the field's stage-1 image-level probability {@code p_k}.
 */
public sealed interface CombinationRule {

    /** The default: {@code p_k * c_k} (the HPA challenge winner's "image prediction x cell prediction"). */
    CombinationRule DEFAULT = new Product();

    /** The confidence for one class. */
    float combine(float imageProbability, float cellScore);

    /** A name {@link #parse} reads back, e.g. {@code product} or {@code blend:0.3}. */
    String name();

    /** Applies the rule to every cell and class of a field. */
    default CellScores apply(float[] imageProbabilities, CellScores cells) {
        if (imageProbabilities.length != Location.COUNT) {
            throw new IllegalArgumentException("field " + cells.fieldId() + ": expected " + Location.COUNT
                    + " image probabilities, got " + imageProbabilities.length);
        }
        float[][] out = new float[cells.size()][Location.COUNT];
        int[] ids = new int[cells.size()];
        for (int r = 0; r < out.length; r++) {
            ids[r] = cells.cellId(r);
            for (int k = 0; k < Location.COUNT; k++) {
                out[r][k] = combine(imageProbabilities[k], cells.score(r, k));
            }
        }
        return new CellScores(cells.fieldId(), ids, out);
    }

    /** {@code p * c}. */
    record Product() implements CombinationRule {
        @Override
        public float combine(float imageProbability, float cellScore) {
            return imageProbability * cellScore;
        }

        @Override
        public String name() {
            return "product";
        }
    }

    /**
     * {@code w * p + (1 - w) * c}: the seed solution's use of a segmenter's mean inside the cell with the
     * image-level probability mixed in.
     *
     * @param imageWeight {@code w} in [0, 1]
     */
    record Blend(float imageWeight) implements CombinationRule {
        public Blend {
            if (!(imageWeight >= 0f && imageWeight <= 1f)) {
                throw new IllegalArgumentException("blend weight must be in [0, 1], got " + imageWeight);
            }
        }

        @Override
        public float combine(float imageProbability, float cellScore) {
            return imageWeight * imageProbability + (1f - imageWeight) * cellScore;
        }

        @Override
        public String name() {
            return "blend:" + imageWeight;
        }
    }

    /** {@code c}: the cell score alone. */
    record CellOnly() implements CombinationRule {
        @Override
        public float combine(float imageProbability, float cellScore) {
            return cellScore;
        }

        @Override
        public String name() {
            return "cell";
        }
    }

    /** {@code p}: the image probability broadcast to every cell (the baseline without stage 2). */
    record ImageOnly() implements CombinationRule {
        @Override
        public float combine(float imageProbability, float cellScore) {
            return imageProbability;
        }

        @Override
        public String name() {
            return "image";
        }
    }

    /**
     * Reads {@code product}, {@code cell}, {@code image} or {@code blend:W} (W the image weight in [0, 1]).
     *
     * @throws IllegalArgumentException naming the text if it is none of these
     */
    static CombinationRule parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("blend:")) {
            try {
                return new Blend(Float.parseFloat(t.substring("blend:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("combination rule '" + text + "': weight is not a number");
            }
        }
        return switch (t) {
            case "product" -> new Product();
            case "cell" -> new CellOnly();
            case "image" -> new ImageOnly();
            default -> throw new IllegalArgumentException("unknown combination rule '" + text
                    + "' (valid: product, blend:W, cell, image)");
        };
    }
}
