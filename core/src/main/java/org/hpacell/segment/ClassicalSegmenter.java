package org.hpacell.segment;

import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.segment.ops.ConnectedComponents;
import org.hpacell.segment.ops.Connectivity;
import org.hpacell.segment.ops.FillHoles;
import org.hpacell.segment.ops.Otsu;
import org.hpacell.segment.ops.SmallObjects;
import org.hpacell.segment.ops.Watershed;

/**
 * A segmenter that needs no weights: Otsu threshold of the nucleus stain for nuclei, a lower threshold
 * of the three reference stains (microtubules, ER, nucleus) for the cell region, and a watershed from
 * the nuclei over the inverted reference intensity so that touching cells split along their dim
 * borders.
 *
 * <p>Steps, on each channel scaled by its 99.5th percentile (robust to exposure and bit depth):
 * <ol>
 *   <li>nuclei: {@code blue > otsu(blue)}, holes filled, 8-connected components, components smaller
 *       than {@link #minNucleusArea} removed (strict {@code <});</li>
 *   <li>region: {@code s = (red + yellow + blue) / 3 > otsu(s) * regionFactor}, united with the nuclei;</li>
 *   <li>cells: watershed of {@code -s} from the nuclei inside the region (4-neighbour flooding, no
 *       lines), then cells smaller than {@link #minCellArea} removed; a region not reached from any
 *       nucleus stays background;</li>
 *   <li>nuclei are returned carrying their cell's id.</li>
 * </ol>
 * Area cut-offs scale with the field: HPA's 2500 px (nuclei) and 5500 px (cells) at 2048 x 2048.
 * Thread-safe (stateless).
 */
public final class ClassicalSegmenter implements CellSegmenter {
    private static final double REFERENCE_PIXELS = 2048.0 * 2048.0;
    private static final double PERCENTILE = 0.995;

    private final double regionFactor;

    /** The default region threshold: half of Otsu's (as HPA's {@code label_cell} uses for its cell mask). */
    public ClassicalSegmenter() {
        this(0.5);
    }

    /** @param regionFactor the cell region threshold as a fraction of Otsu's threshold, in (0, 2] */
    public ClassicalSegmenter(double regionFactor) {
        if (!(regionFactor > 0 && regionFactor <= 2)) {
            throw new IllegalArgumentException("region factor must be in (0, 2], got " + regionFactor);
        }
        this.regionFactor = regionFactor;
    }

    /** Smallest nucleus kept, in pixels, for a field of {@code pixels} pixels. */
    public static int minNucleusArea(long pixels) {
        return (int) Math.max(4, Math.round(2500 * pixels / REFERENCE_PIXELS));
    }

    /** Smallest cell kept, in pixels, for a field of {@code pixels} pixels. */
    public static int minCellArea(long pixels) {
        return (int) Math.max(8, Math.round(5500 * pixels / REFERENCE_PIXELS));
    }

    @Override
    public Segmentation segment(FieldImage field) {
        int w = field.width(), h = field.height(), n = w * h;
        double[] blue = scaled(field.channel(Channel.BLUE));
        double[] red = scaled(field.channel(Channel.RED));
        double[] yellow = scaled(field.channel(Channel.YELLOW));

        double tb = Otsu.threshold(blue);
        boolean[] nucleusMask = new boolean[n];
        for (int i = 0; i < n; i++) {
            nucleusMask[i] = blue[i] > tb;
        }
        nucleusMask = FillHoles.fill(nucleusMask, w, h);
        nucleusMask = SmallObjects.remove(nucleusMask, w, h, minNucleusArea(n), Connectivity.EIGHT);
        int[] nuclei = ConnectedComponents.label(nucleusMask, w, h, Connectivity.EIGHT);

        double[] s = new double[n];
        double[] inverted = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = (red[i] + yellow[i] + blue[i]) / 3;
            inverted[i] = -s[i];
        }
        double ts = Otsu.threshold(s) * regionFactor;
        boolean[] region = new boolean[n];
        for (int i = 0; i < n; i++) {
            region[i] = s[i] > ts || nuclei[i] != 0;
        }
        int[] cells = Watershed.flood(Watershed.levelsOf(inverted), nuclei, region, w, h, false);
        cells = SmallObjects.removeLabels(cells, minCellArea(n));
        cells = ConnectedComponents.label(cells, w, h, Connectivity.EIGHT);

        int[] cellNuclei = new int[n];
        for (int i = 0; i < n; i++) {
            cellNuclei[i] = nuclei[i] != 0 ? cells[i] : 0;
        }
        return new Segmentation(new LabelImage(w, h, cells), new LabelImage(w, h, cellNuclei));
    }

    /**
     * The channel divided by its 99.5th percentile (values above it end above 1); an all-dark channel
     * stays 0.
     */
    static double[] scaled(float[] channel) {
        float[] sorted = channel.clone();
        java.util.Arrays.sort(sorted);
        double p = sorted[(int) Math.min(sorted.length - 1, Math.floor(PERCENTILE * (sorted.length - 1)))];
        double scale = p > 0 ? 1.0 / p : 0.0;
        double[] out = new double[channel.length];
        for (int i = 0; i < channel.length; i++) {
            out[i] = channel[i] * scale;
        }
        return out;
    }
}
