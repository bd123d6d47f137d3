package org.hpacell.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hpacell.cam.cell.CellScores;

/**
 * How the final confidence of class {@code k} for a cell is made from the cell's stage-2 score
 * {@code c_k} (a cell classifier's output, or a segmenter's maps pooled inside the cell by
 * {@link org.hpacell.cam.cell.CellScorer} with the {@link CellOnly} rule) and the field's stage-1
 * image-level probability {@code p_k}: the product, either source alone, and the seed solution's blend.
 * {@link org.hpacell.cam.cell.CellScorer} uses the same rules for a CAM pooled inside the cell (the map
 * plays the cell score), so one mechanism serves CAMs, segmenters and cell classifiers.
 */
public sealed interface CombinationRule {

    /** The default: {@code p_k * c_k} (the HPA challenge winner's "image prediction x cell prediction"). */
    CombinationRule DEFAULT = new Product();

    /** The confidence for one class. */
    float combine(float imageProbability, float cellScore);

    /** A name {@link #parse} reads back, e.g. {@code product} or {@code blend:0.3}. */
    String name();

    /**
     * Applies the rule to every cell and class of a field.
     *
     * @throws IllegalArgumentException if a cell's class count differs from the image probabilities'
     */
    default List<CellScores> apply(float[] imageProbabilities, List<CellScores> cells) {
        List<CellScores> out = new ArrayList<>(cells.size());
        for (CellScores c : cells) {
            float[] s = c.scores();
            if (s.length != imageProbabilities.length) {
                throw new IllegalArgumentException("cell " + c.cellId() + " has " + s.length + " class scores but the "
                        + "image has " + imageProbabilities.length + " probabilities");
            }
            float[] r = new float[s.length];
            for (int k = 0; k < s.length; k++) {
                r[k] = combine(imageProbabilities[k], s[k]);
            }
            out.add(new CellScores(c.cellId(), r));
        }
        return out;
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

    /** {@code c}: the cell score alone (for a CAM, the pooled map; {@link #parse} also reads {@code map}). */
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
     * Reads {@code product}, {@code cell} (or {@code map}), {@code image} or {@code blend:W} (W the image
     * weight in [0, 1]).
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
            case "cell", "map" -> new CellOnly();
            case "image" -> new ImageOnly();
            default -> throw new IllegalArgumentException("unknown combination rule '" + text
                    + "' (valid: product, blend:W, cell or map, image)");
        };
    }
}
