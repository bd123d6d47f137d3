package org.hpacell.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.train.data.FieldSample;

/**
 * A training field read from an HPA folder together with the cell label image the pipeline's
 * segmentation stage wrote for it (objectives such as the cell puzzle need the cells).
 */
record SegmentedSample(HpaDataset dataset, String id, LabelSet labels, Path cellsFile) implements FieldSample {
    @Override
    public FieldImage image() throws IOException {
        return dataset.read(id);
    }

    @Override
    public Optional<LabelImage> cells() throws IOException {
        return Optional.of(ImageFiles.readLabels(cellsFile));
    }
}
