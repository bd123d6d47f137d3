package org.hpacell.segment;

import java.util.concurrent.CompletableFuture;
import org.hpacell.image.LabelImage;
import org.hpacell.segment.ops.BinaryErosion;
import org.hpacell.segment.ops.Boundaries;
import org.hpacell.segment.ops.ConnectedComponents;
import org.hpacell.segment.ops.Connectivity;
import org.hpacell.segment.ops.Disk;
import org.hpacell.segment.ops.FillHoles;
import org.hpacell.segment.ops.GreyClosing;
import org.hpacell.segment.ops.Otsu;
import org.hpacell.segment.ops.SmallHoles;
import org.hpacell.segment.ops.SmallObjects;
import org.hpacell.segment.ops.Watershed;

/**
 * {@code label_nuclei} and {@code label_cell} of HPA-Cell-Segmentation 0.1.8 (on scikit-image 0.19):
 * the same label images from the same network outputs, up to the numbering of ids.
 *
 * <p>The original's quirks that change results are reproduced, each marked "quirk" below: the
 * thresholds of {@code label_nuclei} compared with 0..255 values, the uint8 sum of the two green
 * channels, the green exclusion that excludes nothing and the clipping that clips nothing. One is
 * deliberately <em>not</em> reproduced: the original casts cell ids to uint8 before the closing, so
 * that in a field with more than 255 cells ids wrap (cell 256 becomes background, cell 257 merges
 * with cell 1); here every cell keeps its own id. With up to 255 cells the results are the same.
 *
 * <p>With {@link HpaSizes#QUARTER} the inputs are area-downscaled by 4, post-processed with the
 * quarter cut-offs and the labels are scaled back up by nearest neighbour ({@link QuarterScale}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HpaPostprocess {
    private static final Connectivity FOUR = Connectivity.FOUR;
    private static final Connectivity EIGHT = Connectivity.EIGHT;

    private final HpaSizes sizes;
    private final boolean quarterScale;

    private HpaPostprocess(HpaSizes sizes, boolean quarterScale) {
        this.sizes = java.util.Objects.requireNonNull(sizes, "sizes");
        this.quarterScale = quarterScale;
    }

    /** The original, at full resolution. */
    public static HpaPostprocess full() {
        return new HpaPostprocess(HpaSizes.FULL, false);
    }

    /** The fast variant: 1/4 scale with {@link HpaSizes#QUARTER}. */
    public static HpaPostprocess quarter() {
        return new HpaPostprocess(HpaSizes.QUARTER, true);
    }

    /** Other cut-offs (e.g. for images at another magnification), at full or 1/4 scale. */
    public static HpaPostprocess of(HpaSizes sizes, boolean quarterScale) {
        return new HpaPostprocess(sizes, quarterScale);
    }

    /** The cut-offs in use. */
    public HpaSizes sizes() {
        return sizes;
    }

    private boolean isQuarter() {
        return quarterScale;
    }

    /** The three results for one field: {@link #labelCell}'s two images and {@link #labelNuclei}'s. */
    public record Result(Segmentation cellsAndNuclei, LabelImage nucleiOnly) {
    }

    /**
     * Both functions on one field; with {@code parallel} {@code label_nuclei} runs on the common
     * fork-join pool while this thread runs {@code label_cell}.
     */
    public Result run(HpaPrediction nuclei, HpaPrediction cells, boolean parallel) {
        if (!parallel) {
            return new Result(labelCell(nuclei, cells), labelNuclei(nuclei));
        }
        CompletableFuture<LabelImage> only = CompletableFuture.supplyAsync(() -> labelNuclei(nuclei));
        Segmentation s = labelCell(nuclei, cells);
        try {
            return new Result(s, only.join());
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // the worker's own error, not its wrapper
            }
            throw e;
        }
    }

    /** {@code label_nuclei(nuclei_pred)}: nuclei from the nucleus network alone. */
    public LabelImage labelNuclei(HpaPrediction nuclei) {
        if (isQuarter()) {
            return QuarterScale.upscale(labelNucleiAtScale(QuarterScale.downscale(nuclei)), nuclei.width(), nuclei.height());
        }
        return labelNucleiAtScale(nuclei);
    }

    private LabelImage labelNucleiAtScale(HpaPrediction nuc) {
        int w = nuc.width();
        int h = nuc.height();
        int n = w * h;
        int[] g = nuc.border();
        int[] b = nuc.foreground();
        // Quirk: the original compares the 0..255 values with 0.05, 0.15 and 0.4, so each test means
        // "> 0": border = G > 0; seeds where B * (1 - border) > 0, i.e. B > 0 and G == 0; mask = B > 0.
        boolean[] seedArea = new boolean[n];
        boolean[] foreground = new boolean[n];
        for (int i = 0; i < n; i++) {
            seedArea[i] = b[i] > 0 && g[i] == 0;
            foreground[i] = b[i] > 0;
        }
        // erosion with the cross, not eroding from outside the image; seeds 8-connected
        int[] seeds = ConnectedComponents.label(BinaryErosion.cross(seedArea, w, h), w, h, EIGHT);
        boolean[] mask = SmallHoles.remove(foreground, w, h, sizes.holes(), FOUR);
        // the flooded image is the 0/1 mask itself: flat inside the mask
        int[] flat = new int[n];
        int[] ws = Watershed.flood(flat, seeds, mask, w, h, true);
        int[] kept = SmallObjects.removeLabels(ws, sizes.nuclei());
        return new LabelImage(w, h, ConnectedComponents.label(kept, w, h, EIGHT));
    }

    /**
     * {@code label_cell(nuclei_pred, cell_pred)}: cells, and the nuclei inside them carrying their
     * cell's id.
     */
    public Segmentation labelCell(HpaPrediction nuclei, HpaPrediction cells) {
        if (nuclei.width() != cells.width() || nuclei.height() != cells.height()) {
            throw new IllegalArgumentException("nucleus prediction " + nuclei.width() + "x" + nuclei.height()
                    + " and cell prediction " + cells.width() + "x" + cells.height() + " differ in size");
        }
        if (isQuarter()) {
            Segmentation s = labelCellAtScale(QuarterScale.downscale(nuclei), QuarterScale.downscale(cells));
            return new Segmentation(QuarterScale.upscale(s.cells(), cells.width(), cells.height()),
                    QuarterScale.upscale(s.nuclei(), cells.width(), cells.height()));
        }
        return labelCellAtScale(nuclei, cells);
    }

    private Segmentation labelCellAtScale(HpaPrediction nuc, HpaPrediction cell) {
        int w = nuc.width();
        int h = nuc.height();
        int n = w * h;
        int[] nucleusLabels = nucleiForCells(nuc, cell);

        // 2. threshold: Otsu of the cell foreground in [0, 1], halved, at least 0.22
        int[] bc = cell.foreground();
        double t = Math.max(0.22, Otsu.thresholdOfBytes(bc) * 0.5); // Otsu of bc / 255.0
        // 3. Quirk: the original multiplies the region by np.invert of an int8 0/1 array (-1 or -2,
        // never 0), so its intended exclusion of the green border excludes nothing.
        boolean[] region = new boolean[n];
        // 4. Quirk: distance = np.clip(Bc, 255 t, Bc) has Bc itself as upper bound and so equals Bc;
        // the watershed floods -distance, i.e. levels 255 - Bc (brightest first).
        int[] levels = new int[n];
        for (int i = 0; i < n; i++) {
            region[i] = bc[i] / 255.0 > t;
            levels[i] = 255 - bc[i];
        }
        int[] labels = Watershed.flood(levels, nucleusLabels, region, w, h, false);
        // 5. small cells out; no uint8 cast of the ids (see the class comment); closing; fill holes
        labels = SmallObjects.removeLabels(labels, sizes.cells());
        labels = GreyClosing.close(labels, w, h, new Disk(sizes.closingRadius()));
        labels = fillLabelHoles(labels, w, h);
        // 6. grow the cells over the cell network's border channel too
        int[] gc = cell.border();
        boolean[] grow = new boolean[n];
        for (int i = 0; i < n; i++) {
            grow[i] = labels[i] > 0 || gc[i] / 255.0 > 0.05;
        }
        labels = Watershed.flood(levels, labels, grow, w, h, false);
        labels = fillLabelHoles(labels, w, h);
        // 7. final cells: 8-connected components of the foreground, small ones removed, relabelled
        boolean[] fg = new boolean[n];
        for (int i = 0; i < n; i++) {
            fg[i] = labels[i] > 0;
        }
        int[] finalCells = SmallObjects.labelKept(fg, w, h, sizes.cells(), EIGHT);
        // nuclei inside cells, 8-connected, small ones out; each takes its cell's id
        boolean[] inside = new boolean[n];
        for (int i = 0; i < n; i++) {
            inside[i] = finalCells[i] > 0 && nucleusLabels[i] > 0;
        }
        int[] kept = SmallObjects.removeLabels(ConnectedComponents.label(inside, w, h, EIGHT), sizes.nuclei());
        int[] cellNuclei = new int[n];
        for (int i = 0; i < n; i++) {
            cellNuclei[i] = kept[i] > 0 ? finalCells[i] : 0;
        }
        return new Segmentation(new LabelImage(w, h, finalCells), new LabelImage(w, h, cellNuclei));
    }

    /** Step 1 of {@code label_cell}: nuclei from both networks' border channels. */
    private int[] nucleiForCells(HpaPrediction nuc, HpaPrediction cell) {
        int w = nuc.width();
        int h = nuc.height();
        int n = w * h;
        int[] gn = nuc.border();
        int[] gc = cell.border();
        int[] bn = nuc.foreground();
        boolean[] seedArea = new boolean[n];
        boolean[] foreground = new boolean[n];
        for (int i = 0; i < n; i++) {
            // Quirk: Gn + Gc is added in uint8 and wraps modulo 256 before the division by 255.
            boolean interior = 1 - ((gn[i] + gc[i]) & 0xFF) / 255.0 > 0.05;
            double b = bn[i] / 255.0;
            seedArea[i] = interior && b > 0.15;
            foreground[i] = b > 0.4;
        }
        // seeds: small ones out (4-connected), labelled 4-connected
        int[] seeds = SmallObjects.labelKept(seedArea, w, h, sizes.seeds(), FOUR);
        boolean[] mask = SmallObjects.remove(SmallHoles.remove(foreground, w, h, sizes.holes(), FOUR), w, h,
                sizes.maskObjects(), FOUR);
        int[] ws = Watershed.flood(new int[n], seeds, mask, w, h, true);
        return ConnectedComponents.label(SmallObjects.removeLabels(ws, sizes.nuclei()), w, h, EIGHT);
    }

    /**
     * The original's {@code __fill_holes}: zero the thick boundaries of the labels, fill the holes of
     * what is left, and label the result 4-connected.
     */
    static int[] fillLabelHoles(int[] labels, int w, int h) {
        boolean[] boundary = Boundaries.thick(labels, w, h);
        boolean[] fg = new boolean[labels.length];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = labels[i] != 0 && !boundary[i];
        }
        return ConnectedComponents.label(FillHoles.fill(fg, w, h), w, h, FOUR);
    }
}
