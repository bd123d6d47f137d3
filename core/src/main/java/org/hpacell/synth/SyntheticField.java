package org.hpacell.synth;

import java.util.List;
import java.util.Objects;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;

/**
 * One generated field of view with its ground truth: the four-channel image, the cell label image,
 * the nucleus label image (each nucleus carries its cell's id; a cell may lack a nucleus where the
 * border cuts it off), and the label set of every cell. Cell ids run 1..n; {@code cellLabels.get(k)}
 * belongs to cell {@code k + 1}.
 */
public final class SyntheticField {
    private final FieldImage image;
    private final LabelImage cells;
    private final LabelImage nuclei;
    private final List<LabelSet> cellLabels;
    private final boolean[] mitotic;

    SyntheticField(FieldImage image, LabelImage cells, LabelImage nuclei, List<LabelSet> cellLabels, boolean[] mitotic) {
        this.image = Objects.requireNonNull(image);
        this.cells = cells;
        this.nuclei = nuclei;
        this.cellLabels = List.copyOf(cellLabels);
        this.mitotic = mitotic.clone();
    }

    public String id() {
        return image.id();
    }

    public FieldImage image() {
        return image;
    }

    /** Cell instances, ids 1..{@link #cellCount()}. */
    public LabelImage cells() {
        return cells;
    }

    /** Nucleus instances; each nucleus has its cell's id. */
    public LabelImage nuclei() {
        return nuclei;
    }

    public int cellCount() {
        return cellLabels.size();
    }

    /** The label sets of cells 1..n, in id order. */
    public List<LabelSet> cellLabels() {
        return cellLabels;
    }

    /** The label set of cell {@code id} (1-based). */
    public LabelSet labelsOf(int id) {
        return cellLabels.get(id - 1);
    }

    /** Whether cell {@code id} (1-based) is in mitosis. */
    public boolean isMitotic(int id) {
        return mitotic[id - 1];
    }

    /**
     * The image-level label set (what {@code train.csv} says): the union of the cells' sets, except
     * that Negative is kept only when no cell has another class. As in HPA's {@code train.csv}, where
     * Negative never appears beside another class, an image is Negative only if all its cells are.
     */
    public LabelSet imageLabels() {
        return imageLabels(cellLabels);
    }

    /** {@link #imageLabels()} of the given cell label sets. */
    public static LabelSet imageLabels(List<LabelSet> cells) {
        int bits = 0;
        for (LabelSet s : cells) {
            bits |= s.bits();
        }
        int negative = 1 << Location.NEGATIVE.index();
        if (bits != negative) {
            bits &= ~negative;
        }
        return LabelSet.ofBits(bits);
    }
}
