package org.hpacell.pseudo;

import java.util.Arrays;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.LabelImage;

/**
 * Grades every cell of a field in five levels per class from the stage-1 maps.
 *
 * <p>The rule, for cell {@code c} and class {@code k} (thresholds from {@link PseudoLabelConfig}):
 * <ol>
 *   <li>{@code k} not an image label of the field: {@link Grade#NONE}.</li>
 *   <li>Coverage {@code e = } share of the cell's pixels with {@code map_k >= pixelThreshold}
 *       ({@link CellCoverage}). If {@code e < minCoverage}: {@link Grade#NONE}.</li>
 *   <li>Rank within the field: relative evidence {@code q = e / e_best}, where {@code e_best} is the
 *       largest coverage of class {@code k} among the field's cells (so the field's best cell has
 *       {@code q = 1}, and cells tied with it share its grade). Then
 *       {@code q >= fullCut}: {@link Grade#FULL}; {@code q >= strongCut}: {@link Grade#STRONG};
 *       {@code q >= mediumCut}: {@link Grade#MEDIUM}; otherwise {@link Grade#WEAK}. Cuts are inclusive.</li>
 * </ol>
 * Ranking relative to the field's best cell rather than by absolute coverage makes the grade
 * comparable across classes whose structures differ in size (a centrosome covers a few percent of a
 * cell, the cytosol most of it); ranking by value rather than by order keeps a homogeneous field
 * (every cell stained alike, the common case in HPA) all {@link Grade#FULL} instead of spreading its
 * cells over the levels.
 */
public final class CellGrader {
    private final PseudoLabelConfig config;

    public CellGrader(PseudoLabelConfig config) {
        this.config = config;
    }

    /** The grades of the cells of {@code cells} (ids ascending) for a field with these maps and labels. */
    public CellPseudoLabels grade(String fieldId, ClassMaps maps, LabelImage cells, LabelSet imageLabels) {
        CellCoverage cov = CellCoverage.measure(maps, cells, imageLabels, config.pixelThreshold());
        Grade[][] grades = new Grade[cov.size()][Location.COUNT];
        for (Grade[] row : grades) {
            Arrays.fill(row, Grade.NONE);
        }
        for (int k : imageLabels.indices()) {
            float best = cov.best(k);
            for (int r = 0; r < cov.size(); r++) {
                grades[r][k] = level(cov.coverage(r, k), best);
            }
        }
        return new CellPseudoLabels(fieldId, cov.cellIds(), grades);
    }

    /** The grade of a cell with coverage {@code e} in a field whose best cell has coverage {@code best}. */
    Grade level(float e, float best) {
        if (e < config.minCoverage() || e <= 0f) {
            return Grade.NONE;
        }
        float q = e / best;
        if (q >= config.fullCut()) return Grade.FULL;
        if (q >= config.strongCut()) return Grade.STRONG;
        if (q >= config.mediumCut()) return Grade.MEDIUM;
        return Grade.WEAK;
    }
}
