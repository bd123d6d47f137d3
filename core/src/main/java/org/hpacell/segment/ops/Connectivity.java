package org.hpacell.segment.ops;

/**
 * Which pixels of a 2-D grid are neighbours. In scikit-image's terms {@link #FOUR} is
 * {@code connectivity=1} (SciPy's default structure, a cross) and {@link #EIGHT} is
 * {@code connectivity=2} ({@code measure.label}'s default, a 3x3 square).
 */
public enum Connectivity {
    /** Edge neighbours only: up, left, right, down. */
    FOUR,
    /** Edge and corner neighbours. */
    EIGHT
}
