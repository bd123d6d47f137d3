package org.hpacell.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.train.metric.AveragePrecision;

/**
 * Chooses how the submission combines the stage-2 cell classifier with the stage-1 CAM, without test
 * truth: on training fields that neither stage trained on (stage 1's validation fields, which the
 * pipeline also keeps out of stage 2), each candidate's cell scores are max-pooled over the field's cells
 * and ranked against the fields' image labels; the candidate with the highest image-level macro AP wins.
 *
 * <p>Why this criterion: a rule whose cell scores put the pattern in the right cells also puts the
 * field's maximum where the image label says the pattern is, and it needs nothing but image labels. A
 * fixed rule cannot be right for every model: with a weak cell classifier the CAM helps, with a strong
 * one the mean dilutes it (issue 15).
 */
final class RuleChoice {
    /** The rules the pipeline chooses among. */
    enum Candidate {
        CELL("cell classifier x image", true),
        MEAN("mean(cell classifier, CAM) x image", true),
        CAM("CAM x image", true),
        /** The cell classifier alone: it was trained on cell labels drawn inside the image labels already. */
        CELL_ONLY("cell classifier alone", false);

        private final String label;
        private final boolean timesImage;

        Candidate(String label, boolean timesImage) {
            this.label = label;
            this.timesImage = timesImage;
        }

        String label() {
            return label;
        }

        /** Whether the cell score is multiplied by the field's image probability. */
        boolean timesImage() {
            return timesImage;
        }

        /** The cell score before the image probability, from the classifier's and the CAM's. */
        float cellScore(float classifier, float cam) {
            return switch (this) {
                case CELL, CELL_ONLY -> classifier;
                case MEAN -> 0.5f * (classifier + cam);
                case CAM -> cam;
            };
        }
    }

    /**
     * One held-out field: its image labels, the stage-1 image probabilities, and per cell (same order in
     * both lists) the classifier's and the CAM's scores.
     */
    record Field(LabelSet labels, float[] image, List<CellScores> classifier, List<CellScores> cam) {}

    /**
     * The outcome.
     *
     * @param chosen  the rule with the highest image-level macro AP (the first in {@link Candidate} order on a tie)
     * @param imageAp each candidate's image-level macro AP on the held-out fields
     * @param fields  how many fields it was chosen on
     */
    record Choice(Candidate chosen, Map<Candidate, Double> imageAp, int fields) {
        /** One line: what was chosen and why. */
        String describe() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "combination rule '%s', chosen on %d held-out training fields by the image-level macro AP of "
                            + "max-pooled cell scores (", chosen.label(), fields));
            int i = 0;
            for (Map.Entry<Candidate, Double> e : imageAp.entrySet()) {
                sb.append(i++ == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.4f", e.getKey().label(),
                        e.getValue()));
            }
            return sb.append(')').toString();
        }
    }

    private RuleChoice() {}

    /**
     * @param fallback the rule when no field is held out or no class can be ranked
     */
    static Choice choose(List<Field> fields, Candidate fallback) {
        Map<Candidate, Double> ap = new EnumMap<>(Candidate.class);
        Candidate best = fallback;
        double bestAp = Double.NEGATIVE_INFINITY;
        for (Candidate c : Candidate.values()) {
            double a = imageAp(fields, c);
            if (Double.isNaN(a)) {
                continue;
            }
            ap.put(c, a);
            if (a > bestAp + 1e-12) {
                bestAp = a;
                best = c;
            }
        }
        return new Choice(best, ap, fields.size());
    }

    /** Macro AP over the classes with a positive field of the max-pooled scores of {@code rule}. */
    static double imageAp(List<Field> fields, Candidate rule) {
        List<float[]> pooled = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        for (Field f : fields) {
            if (f.classifier().isEmpty()) {
                continue;
            }
            float[] max = new float[Location.COUNT];
            java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < f.classifier().size(); i++) {
                float[] c = f.classifier().get(i).scores();
                float[] m = f.cam().get(i).scores();
                for (int k = 0; k < Location.COUNT; k++) {
                    max[k] = Math.max(max[k], (rule.timesImage() ? f.image()[k] : 1f) * rule.cellScore(c[k], m[k]));
                }
            }
            pooled.add(max);
            targets.add(f.labels().toMultiHot());
        }
        return AveragePrecision.macro(AveragePrecision.perClass(pooled.toArray(float[][]::new),
                targets.toArray(float[][]::new)));
    }
}
