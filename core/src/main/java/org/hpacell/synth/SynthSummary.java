package org.hpacell.synth;

import java.util.Locale;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;

/**
 * Counts over a generated dataset that say how hard its weak supervision is: how many cells' label
 * sets differ from their field's image-level set (what broadcasting image labels to cells gets wrong),
 * and per class how many fields and cells carry it. Accumulate with {@link #add}; not thread-safe.
 */
public final class SynthSummary {
    private long fields;
    private long cells;
    private long differing;
    private long mitotic;
    private long broadcastFalse;
    private long broadcastTotal;
    private final long[] fieldsPerClass = new long[Location.COUNT];
    private final long[] cellsPerClass = new long[Location.COUNT];

    /** Adds one field. */
    public void add(SyntheticField f) {
        int m = 0;
        for (int id = 1; id <= f.cellCount(); id++) {
            if (f.isMitotic(id)) m++;
        }
        add(f.imageLabels(), f.cellLabels(), m);
    }

    /** Adds one field given by its image labels, its cells' labels and its number of mitotic cells. */
    public void add(LabelSet image, java.util.List<LabelSet> cellLabels, int mitoticCells) {
        fields++;
        mitotic += mitoticCells;
        for (int i : image.indices()) fieldsPerClass[i]++;
        for (LabelSet s : cellLabels) {
            cells++;
            if (!s.equals(image)) differing++;
            for (int i : s.indices()) cellsPerClass[i]++;
            broadcastTotal += image.size();
            broadcastFalse += image.size() - Integer.bitCount(image.bits() & s.bits());
        }
    }

    public long fields() {
        return fields;
    }

    public long cells() {
        return cells;
    }

    /** Cells whose label set differs from their field's image label set. */
    public long differingCells() {
        return differing;
    }

    /** Share of cells whose label set differs from their field's (0 for an empty dataset). */
    public double differingShare() {
        return cells == 0 ? 0 : differing / (double) cells;
    }

    /** Share of (cell, class) pairs made by broadcasting image labels to cells that are wrong. */
    public double broadcastFalseShare() {
        return broadcastTotal == 0 ? 0 : broadcastFalse / (double) broadcastTotal;
    }

    public long mitoticCells() {
        return mitotic;
    }

    public long fieldsWith(Location l) {
        return fieldsPerClass[l.index()];
    }

    public long cellsWith(Location l) {
        return cellsPerClass[l.index()];
    }

    /** A human-readable report: totals, then a table of classes. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d fields, %d cells (%.1f per field), %d mitotic%n", fields, cells,
                fields == 0 ? 0.0 : cells / (double) fields, mitotic));
        sb.append(String.format(Locale.ROOT,
                "cells whose labels differ from their image's labels: %d (%.1f%%); broadcast image labels wrong for %.1f%% of (cell, class) pairs%n",
                differing, 100 * differingShare(), 100 * broadcastFalseShare()));
        sb.append(String.format(Locale.ROOT, "%-3s %-42s %8s %8s%n", "#", "class", "fields", "cells"));
        for (Location l : Location.all()) {
            sb.append(String.format(Locale.ROOT, "%-3d %-42s %8d %8d%n", l.index(), l.displayName(),
                    fieldsPerClass[l.index()], cellsPerClass[l.index()]));
        }
        return sb.toString();
    }
}
