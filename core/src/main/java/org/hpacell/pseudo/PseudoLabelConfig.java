package org.hpacell.pseudo;

import java.util.Objects;

/**
 * Every threshold of the pseudo-label rules. See {@link PixelPseudoLabeler} and {@link CellGrader} for how
 * each one is used.
 *
 * @param pixelThreshold a class is present at a pixel when its map is {@code >= pixelThreshold}
 *                       (inclusive); used by hard pixel labels and by the cell coverage. Default 0.225,
 *                       the seed solution's value. In (0, 1].
 * @param mode           hard (0/1) or soft (map value) pixel targets
 * @param minCoverage    a cell whose share of pixels at or above the threshold is below this is graded
 *                       {@link Grade#NONE} for the class, whatever its rank. In [0, 1].
 * @param fullCut        relative evidence (cell coverage / best cell coverage of the field) at or above
 *                       which a cell is {@link Grade#FULL}
 * @param strongCut      ... {@link Grade#STRONG}
 * @param mediumCut      ... {@link Grade#MEDIUM}; below it (but at or above {@code minCoverage}) a cell is
 *                       {@link Grade#WEAK}. The cuts must satisfy {@code 1 >= fullCut > strongCut >
 *                       mediumCut > 0}.
 */
public record PseudoLabelConfig(float pixelThreshold, TargetMode mode, float minCoverage,
                                float fullCut, float strongCut, float mediumCut) {

    /** The seed solution's pixel threshold. */
    public static final float DEFAULT_PIXEL_THRESHOLD = 0.225f;

    public PseudoLabelConfig {
        Objects.requireNonNull(mode, "mode");
        if (!(pixelThreshold > 0f && pixelThreshold <= 1f)) {
            throw new IllegalArgumentException("pixel threshold must be in (0, 1], got " + pixelThreshold);
        }
        if (!(minCoverage >= 0f && minCoverage <= 1f)) {
            throw new IllegalArgumentException("minimum coverage must be in [0, 1], got " + minCoverage);
        }
        if (!(fullCut <= 1f && fullCut > strongCut && strongCut > mediumCut && mediumCut > 0f)) {
            throw new IllegalArgumentException("grade cuts must satisfy 1 >= full > strong > medium > 0, got "
                    + fullCut + ", " + strongCut + ", " + mediumCut);
        }
    }

    /** Threshold 0.225, hard targets, minimum coverage 0.05, cuts 0.8 / 0.6 / 0.4. */
    public static PseudoLabelConfig defaults() {
        return new PseudoLabelConfig(DEFAULT_PIXEL_THRESHOLD, TargetMode.HARD, 0.05f, 0.8f, 0.6f, 0.4f);
    }

    public PseudoLabelConfig withPixelThreshold(float t) {
        return new PseudoLabelConfig(t, mode, minCoverage, fullCut, strongCut, mediumCut);
    }

    public PseudoLabelConfig withMode(TargetMode m) {
        return new PseudoLabelConfig(pixelThreshold, m, minCoverage, fullCut, strongCut, mediumCut);
    }

    public PseudoLabelConfig withMinCoverage(float c) {
        return new PseudoLabelConfig(pixelThreshold, mode, c, fullCut, strongCut, mediumCut);
    }

    public PseudoLabelConfig withCuts(float full, float strong, float medium) {
        return new PseudoLabelConfig(pixelThreshold, mode, minCoverage, full, strong, medium);
    }
}
