package org.hpacell.synth;

/** How one localisation class puts the protein (green) into a cell. */
@FunctionalInterface
interface ProteinPattern {
    /**
     * Paints the class into cell {@code c} on {@code ctx.canvas}.
     *
     * @param level the class's protein level in this cell (about the value of its dense parts)
     */
    void paint(PatternContext ctx, CellPlan c, double level);
}
