package org.hpacell.stage2;

import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.pseudo.CellPseudoLabels;
import org.hpacell.pseudo.Grade;

/**
 * Where the training target of a cell crop comes from; the three stage-2 cell models differ only in
 * this (and, for graded targets, in the batch builder that feeds the soft values to the loss):
 * <ul>
 *   <li>{@link #broadcast()}: every cell gets its field's image labels (the public ~0.35 baseline);</li>
 *   <li>{@link #truth(Map)}: the cell's true labels (the oracle, on synthetic data);</li>
 *   <li>{@link #graded(Map, Grade)}: five-level pseudo labels ({@code hpacell pseudo}'s
 *       {@code cell_labels.csv}); the soft values are {@link #soft}, the binary labels (grade at or above
 *       a cut) serve the engine's class-balanced sampler and validation AP.</li>
 * </ul>
 */
public interface CellTargets {
    /**
     * The binary labels of cell {@code cellId} of field {@code fieldId}.
     *
     * @throws IllegalArgumentException naming the field and cell if the source has no entry for it
     */
    LabelSet labels(String fieldId, int cellId, LabelSet imageLabels);

    /** The 19 soft targets of the cell: by default its binary labels as 0/1. */
    default float[] soft(String fieldId, int cellId, LabelSet imageLabels) {
        return labels(fieldId, cellId, imageLabels).toMultiHot();
    }

    /** The field's image labels for every cell. */
    static CellTargets broadcast() {
        return (fieldId, cellId, imageLabels) -> imageLabels;
    }

    /** Labels per field id, then cell id (e.g. a synthetic atlas's truth). */
    static CellTargets truth(Map<String, Map<Integer, LabelSet>> cells) {
        return (fieldId, cellId, imageLabels) -> {
            Map<Integer, LabelSet> field = cells.get(fieldId);
            LabelSet l = field == null ? null : field.get(cellId);
            if (l == null) {
                throw new IllegalArgumentException("no true labels for field " + fieldId + ", cell " + cellId);
            }
            return l;
        };
    }

    /**
     * Five-level pseudo labels per field id; a class is a binary label when its grade is at least
     * {@code positiveFrom}.
     */
    static CellTargets graded(Map<String, CellPseudoLabels> fields, Grade positiveFrom) {
        return new CellTargets() {
            private int row(String fieldId, int cellId) {
                CellPseudoLabels f = fields.get(fieldId);
                int r = f == null ? -1 : f.rowOf(cellId);
                if (r < 0) {
                    throw new IllegalArgumentException("no pseudo labels for field " + fieldId + ", cell " + cellId);
                }
                return r;
            }

            @Override
            public LabelSet labels(String fieldId, int cellId, LabelSet imageLabels) {
                CellPseudoLabels f = fields.get(fieldId);
                int r = row(fieldId, cellId);
                int bits = 0;
                for (int k = 0; k < Location.COUNT; k++) {
                    if (f.grade(r, k).compareTo(positiveFrom) >= 0) {
                        bits |= 1 << k;
                    }
                }
                return LabelSet.ofBits(bits);
            }

            @Override
            public float[] soft(String fieldId, int cellId, LabelSet imageLabels) {
                return fields.get(fieldId).targets(row(fieldId, cellId));
            }
        };
    }
}
