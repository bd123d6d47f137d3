package org.hpacell.synth;

/** The part of a cell a painted structure may occupy. */
enum Region {
    /** Anywhere in the cell. */
    CELL,
    /** Inside the cell's nucleus. */
    NUCLEUS,
    /** In the cell but outside its nucleus. */
    CYTOPLASM;

    /** Whether pixel {@code i} of {@code g} lies in this region of cell {@code id}. */
    boolean contains(FieldGeometry g, int i, int id) {
        if (g.cells[i] != id) return false;
        return switch (this) {
            case CELL -> true;
            case NUCLEUS -> g.nuclei[i] == id;
            case CYTOPLASM -> g.nuclei[i] != id;
        };
    }
}
