package org.hpacell.pseudo;

import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;

/**
 * Pixel pseudo labels of one field: a target in [0, 1] per class and pixel, <em>multi-label per
 * pixel</em> (HPA classes overlap: nucleoli lie inside the nucleoplasm), so a pixel may hold several
 * classes and is background when it holds none. Targets are non-zero only for the field's image labels.
 *
 * <p>Storage: {@code targets[k]} is a row-major array for every class of {@link #classes()} and
 * {@code null} (all zero) for the others. Hard labels hold only 0 and 1.
 */
public final class PixelPseudoLabels {
    private final int width;
    private final int height;
    private final TargetMode mode;
    private final LabelSet classes;
    private final float[][] targets;

    /**
     * @param classes the field's image labels; {@code targets[k]} must be non-null exactly for these
     * @param targets 19 row-major arrays or nulls, not copied
     */
    public PixelPseudoLabels(int width, int height, TargetMode mode, LabelSet classes, float[][] targets) {
        if (targets.length != Location.COUNT) {
            throw new IllegalArgumentException("expected " + Location.COUNT + " target arrays, got " + targets.length);
        }
        for (int k = 0; k < Location.COUNT; k++) {
            boolean expected = classes.contains(k);
            if ((targets[k] != null) != expected) {
                throw new IllegalArgumentException("class " + k + (expected ? " is an image label but has no targets"
                        : " is not an image label but has targets"));
            }
            if (targets[k] != null && targets[k].length != width * height) {
                throw new IllegalArgumentException("targets of class " + k + " have " + targets[k].length
                        + " pixels, expected " + width + "x" + height);
            }
        }
        this.width = width;
        this.height = height;
        this.mode = mode;
        this.classes = classes;
        this.targets = targets;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public TargetMode mode() {
        return mode;
    }

    /** The classes that may be non-zero: the field's image labels. */
    public LabelSet classes() {
        return classes;
    }

    /** The targets of class {@code k} (row-major, shared), or {@code null} if all zero. */
    public float[] targets(int k) {
        return targets[k];
    }

    /** The target of class {@code k} at row-major index {@code i}. */
    public float target(int k, int i) {
        float[] t = targets[k];
        return t == null ? 0f : t[i];
    }

    /** The classes with a non-zero target at row-major index {@code i} (empty = background). */
    public LabelSet classesAt(int i) {
        int bits = 0;
        for (int k : classes.indices()) {
            if (targets[k][i] > 0f) {
                bits |= 1 << k;
            }
        }
        return LabelSet.ofBits(bits);
    }

    /**
     * The class with the largest target at row-major index {@code i}, or -1 for background. Ties go to
     * the lower class index. Hard labels tie at 1 wherever classes overlap, so this is a display aid
     * (previews), not the label: the label is {@link #classesAt(int)}.
     */
    public int dominantClass(int i) {
        int best = -1;
        float bestValue = 0f;
        for (int k : classes.indices()) {
            float v = targets[k][i];
            if (v > bestValue) {
                bestValue = v;
                best = k;
            }
        }
        return best;
    }

    /** Number of pixels with a non-zero target for class {@code k}. */
    public int pixelCount(int k) {
        float[] t = targets[k];
        if (t == null) return 0;
        int n = 0;
        for (float v : t) {
            if (v > 0f) n++;
        }
        return n;
    }
}
