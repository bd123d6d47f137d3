package org.hpacell.pseudo;

/**
 * The five levels of a cell pseudo label (after the HPA challenge winner's stage 2): how strongly the
 * stage-1 evidence says a cell shows a class. The {@link #value()} is the cell classifier's soft target.
 */
public enum Grade {
    NONE(0f),
    WEAK(0.25f),
    MEDIUM(0.5f),
    STRONG(0.75f),
    FULL(1f);

    private final float value;

    Grade(float value) {
        this.value = value;
    }

    /** The target value: 0, 0.25, 0.5, 0.75 or 1. */
    public float value() {
        return value;
    }

    /**
     * The grade whose value is {@code v}.
     *
     * @throws IllegalArgumentException if {@code v} is not one of the five levels
     */
    public static Grade ofValue(float v) {
        for (Grade g : values()) {
            if (g.value == v) {
                return g;
            }
        }
        throw new IllegalArgumentException("not a grade level: " + v + " (valid: 0, 0.25, 0.5, 0.75, 1)");
    }
}
