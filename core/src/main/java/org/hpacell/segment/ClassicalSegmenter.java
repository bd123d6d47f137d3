package org.hpacell.segment;

import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.segment.ops.BinaryErosion;
import org.hpacell.segment.ops.ConnectedComponents;
import org.hpacell.segment.ops.Connectivity;
import org.hpacell.segment.ops.FillHoles;
import org.hpacell.segment.ops.Otsu;
import org.hpacell.segment.ops.SmallObjects;
import org.hpacell.segment.ops.Watershed;

/**
 * A segmenter that needs no weights: thresholds and nucleus-seeded watersheds.
 * <ol>
 *   <li>Nuclei: the blue (DAPI) channel above its Otsu threshold, holes filled, specks removed. Touching
 *       nuclei are split by a watershed on the inverted blue intensity, seeded by the components of
 *       the nucleus mask eroded {@code seedErosion} times with the cross (necks between nuclei vanish,
 *       cores stay).</li>
 *   <li>Cells: the mean of red, yellow and blue (each scaled to [0, 1]); the cell region is where it
 *       exceeds {@code cellThresholdFactor} times its Otsu threshold, plus the nuclei. A watershed on
 *       the inverted cell signal floods the region from the nuclei, so each cell takes its nucleus's id;
 *       cells smaller than {@code minCellArea} are removed with their nuclei.</li>
 * </ol>
 * Meant for quick use and as a baseline, not to match HPA's networks. Thread-safe.
 */
public final class ClassicalSegmenter implements CellSegmenter {
    /** Levels the watersheds quantise intensities in [0, 1] to. */
    private static final int LEVELS = 1024;

    /**
     * @param minNucleusArea      nuclei below this area (px) are removed
     * @param minCellArea         cells below this area (px) are removed
     * @param seedErosion         erosions of the nucleus mask before taking seeds
     * @param cellThresholdFactor multiplies the Otsu threshold of the cell signal
     */
    public record Options(int minNucleusArea, int minCellArea, int seedErosion, double cellThresholdFactor) {
        public Options {
            if (minNucleusArea < 0 || minCellArea < 0 || seedErosion < 0 || !(cellThresholdFactor > 0)) {
                throw new IllegalArgumentException("classical segmenter options out of range: " + minNucleusArea + ", "
                        + minCellArea + ", " + seedErosion + ", " + cellThresholdFactor);
            }
        }

        /** Defaults for HPA fields of the given width (tuned at 2048 px; areas scale with the square). */
        public static Options forWidth(int width) {
            double s = width / 2048.0;
            return new Options((int) Math.round(1000 * s * s), (int) Math.round(3000 * s * s),
                    Math.max(1, (int) Math.round(6 * s)), 0.5);
        }
    }

    private final Options options;

    /** With {@link Options#forWidth} chosen per field. */
    public ClassicalSegmenter() {
        this(null);
    }

    /** With fixed options ({@code null}: {@link Options#forWidth} per field). */
    public ClassicalSegmenter(Options options) {
        this.options = options;
    }

    @Override
    public Segmentation segment(FieldImage field) {
        int w = field.width();
        int h = field.height();
        int n = w * h;
        Options o = options != null ? options : Options.forWidth(w);
        float[] blue = field.normalized(Channel.BLUE);
        float[] red = field.normalized(Channel.RED);
        float[] yellow = field.normalized(Channel.YELLOW);

        int[] nuclei = nuclei(blue, w, h, o);

        double[] signal = new double[n];
        for (int i = 0; i < n; i++) {
            signal[i] = (red[i] + yellow[i] + blue[i]) / 3.0;
        }
        double t = Otsu.threshold(signal) * o.cellThresholdFactor();
        boolean[] region = new boolean[n];
        int[] levels = new int[n];
        for (int i = 0; i < n; i++) {
            region[i] = signal[i] > t || nuclei[i] != 0;
            levels[i] = level(signal[i]);
        }
        int[] cells = SmallObjects.removeLabels(Watershed.flood(levels, nuclei, region, w, h, false), o.minCellArea());
        int[] cellNuclei = new int[n];
        for (int i = 0; i < n; i++) {
            cellNuclei[i] = cells[i] != 0 && cells[i] == nuclei[i] ? nuclei[i] : 0;
        }
        return new Segmentation(new LabelImage(w, h, cells), new LabelImage(w, h, cellNuclei));
    }

    /** Nucleus labels from the blue channel (ids 1..n in raster order of their seeds). */
    private static int[] nuclei(float[] blue, int w, int h, Options o) {
        int n = w * h;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = blue[i];
        }
        double t = Otsu.threshold(b);
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) {
            mask[i] = b[i] > t;
        }
        mask = SmallObjects.remove(FillHoles.fill(mask, w, h), w, h, o.minNucleusArea(), Connectivity.FOUR);
        boolean[] core = mask;
        for (int k = 0; k < o.seedErosion(); k++) {
            core = BinaryErosion.cross(core, w, h);
        }
        int[] seeds = ConnectedComponents.label(core, w, h, Connectivity.EIGHT);
        int[] levels = new int[n];
        for (int i = 0; i < n; i++) {
            levels[i] = level(b[i]);
        }
        return SmallObjects.removeLabels(Watershed.flood(levels, seeds, mask, w, h, false), o.minNucleusArea());
    }

    /** Inverted intensity as a watershed level: bright floods first. */
    private static int level(double v) {
        double c = Math.max(0, Math.min(1, v));
        return (int) Math.round((1 - c) * (LEVELS - 1));
    }
}
