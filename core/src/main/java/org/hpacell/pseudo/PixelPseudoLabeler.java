package org.hpacell.pseudo;

import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;

/**
 * Turns a field's class maps into {@link PixelPseudoLabels}.
 *
 * <p>The rule, per pixel and class {@code k}:
 * <ul>
 *   <li>{@code k} not among the field's image labels: target 0 (the image-level label is the one fact
 *       known for sure; a map's activation for an absent class is noise).</li>
 *   <li>{@link TargetMode#HARD}: 1 if {@code map_k >= threshold} (inclusive), else 0.</li>
 *   <li>{@link TargetMode#SOFT}: {@code map_k} clamped to [0, 1] (NaN becomes 0).</li>
 * </ul>
 * Classes are decided independently, so a pixel can hold several (multi-label, as a U-Net with 19
 * sigmoid outputs learns it); a pixel where no class passes is background. No argmax is taken.
 */
public final class PixelPseudoLabeler {
    private final PseudoLabelConfig config;

    public PixelPseudoLabeler(PseudoLabelConfig config) {
        this.config = config;
    }

    /** The labels of a field with the given maps and image labels. */
    public PixelPseudoLabels label(ClassMaps maps, LabelSet imageLabels) {
        int n = maps.width() * maps.height();
        float t = config.pixelThreshold();
        float[][] targets = new float[Location.COUNT][];
        for (int k : imageLabels.indices()) {
            float[] out = new float[n];
            float[] m = maps.values();
            int off = maps.offset(k);
            if (config.mode() == TargetMode.HARD) {
                for (int i = 0; i < n; i++) {
                    out[i] = m[off + i] >= t ? 1f : 0f;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    float v = m[off + i];
                    out[i] = v > 1f ? 1f : (v > 0f ? v : 0f); // NaN fails v > 0 and becomes 0
                }
            }
            targets[k] = out;
        }
        return new PixelPseudoLabels(maps.width(), maps.height(), config.mode(), imageLabels, targets);
    }
}
