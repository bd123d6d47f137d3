package org.hpacell.pipeline;

import java.io.IOException;
import org.hpacell.image.LabelImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.segment.ClassicalSegmenter;
import org.hpacell.synth.SynthDataset;

/** Where a pipeline's cell masks come from: a segmenter run on the field, or masks stored beside it. */
@FunctionalInterface
interface FieldCells {
    /** The cell label image of field {@code id}. */
    LabelImage cells(HpaDataset data, String id) throws IOException;

    /**
     * {@code classical}: the classical segmenter (threshold + nucleus-seeded watershed, no weights);
     * {@code truth}: the cell label images a synthetic atlas stores in {@code truth/} (for ablations that
     * separate segmentation errors from classification errors).
     */
    static FieldCells of(String name) {
        return switch (name) {
            case "classical" -> {
                ClassicalSegmenter s = new ClassicalSegmenter();
                yield (data, id) -> s.segment(data.read(id)).cells();
            }
            case "truth" -> (data, id) -> ImageFiles.readLabels(SynthDataset.cellsPath(data.dir(), id));
            default -> throw new IllegalArgumentException("unknown segmenter '" + name + "' (known: classical, truth)");
        };
    }
}
