package org.hpacell.segment;

import java.io.IOException;
import java.nio.file.Path;
import org.hpacell.image.LabelImage;
import org.hpacell.io.ImageFiles;
import org.hpacell.metric.InstanceMatch;
import org.hpacell.synth.SynthDataset;

/**
 * How well a segmenter did over a set of fields with true label images: class-agnostic instance
 * matching at IoU 0.6 ({@link InstanceMatch}) of cells and of nuclei (the nuclei a segmenter assigns to
 * cells, as {@link Segmentation#nuclei()} holds them), and the time it took. Immutable; {@link #plus}
 * adds one field.
 *
 * @param cells   cell matches summed over the fields
 * @param nuclei  nucleus matches summed over the fields
 * @param fields  number of fields
 * @param seconds wall-clock seconds spent segmenting them
 * @param cpuSeconds CPU seconds (all threads of the process) spent segmenting them
 */
public record SegmentationScore(InstanceMatch cells, InstanceMatch nuclei, int fields, double seconds,
                                double cpuSeconds) {
    /** No fields yet. */
    public static final SegmentationScore EMPTY = new SegmentationScore(InstanceMatch.NONE, InstanceMatch.NONE, 0, 0, 0);

    /** This score with one more field. */
    public SegmentationScore plus(Segmentation predicted, Segmentation truth, double seconds, double cpuSeconds) {
        return new SegmentationScore(cells.plus(InstanceMatch.of(truth.cells(), predicted.cells())),
                nuclei.plus(InstanceMatch.of(truth.nuclei(), predicted.nuclei())), fields + 1,
                this.seconds + seconds, this.cpuSeconds + cpuSeconds);
    }

    /** Mean wall-clock milliseconds per field. */
    public double millisPerField() {
        return fields == 0 ? Double.NaN : 1000 * seconds / fields;
    }

    /** Mean CPU milliseconds per field. */
    public double cpuMillisPerField() {
        return fields == 0 ? Double.NaN : 1000 * cpuSeconds / fields;
    }

    /**
     * The true cells and nuclei of field {@code id} of a synthetic atlas in {@code dir}
     * ({@code truth/ID_cells.png}, {@code truth/ID_nuclei.png}).
     *
     * @throws IOException naming the file if one is missing or unreadable
     */
    public static Segmentation truth(Path dir, String id) throws IOException {
        LabelImage cells = ImageFiles.readLabels(SynthDataset.cellsPath(dir, id));
        return new Segmentation(cells, ImageFiles.readLabels(SynthDataset.nucleiPath(dir, id)));
    }
}
