package org.hpacell.pseudo;

/** How pixel pseudo labels are derived from the class maps. */
public enum TargetMode {
    /**
     * 1 where the class's map is at or above the threshold ({@code map >= threshold}), else 0 - the
     * seed solution's rule (threshold 0.225).
     */
    HARD,
    /** The class's map value itself, clamped to [0, 1], as a soft target. */
    SOFT
}
