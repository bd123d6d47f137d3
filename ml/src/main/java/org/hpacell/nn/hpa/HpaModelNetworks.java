package org.hpacell.nn.hpa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.hpacell.image.FieldImage;
import org.hpacell.segment.HpaPrediction;
import org.hpacell.segment.SegmentationNetworks;

/**
 * HPA-Cell-Segmentation 0.1.8's two networks, converted to TorchScript, with {@code CellSegmentator}'s
 * pre- and post-processing: for each field, {@code pred_nuclei} on the blue channel and
 * {@code pred_cells} on (red, yellow, blue) with the 3-channel cell model
 * ({@code multi_channel_model=True}), one field per forward pass as HPA batches them. Outputs are
 * {@link HpaPrediction}s at the field's size for {@link org.hpacell.segment.NetworkSegmenter}.
 *
 * <p>Thread-safe; close it to free the models.
 */
public final class HpaModelNetworks implements SegmentationNetworks {
    private final HpaNetwork nuclei;
    private final HpaNetwork cells;
    private final HpaModelOptions options;

    private HpaModelNetworks(HpaNetwork nuclei, HpaNetwork cells, HpaModelOptions options) {
        this.nuclei = nuclei;
        this.cells = cells;
        this.options = options;
    }

    /**
     * Loads the two TorchScript files.
     *
     * @throws IOException naming the file that is missing, not TorchScript, or not a 3-to-3-channel network
     */
    public static HpaModelNetworks open(Path nucleiModel, Path cellModel, HpaModelOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        HpaNetwork n = HpaNetwork.load(nucleiModel, "nucleus model");
        try {
            return new HpaModelNetworks(n, HpaNetwork.load(cellModel, "cell model"), options);
        } catch (IOException | RuntimeException e) {
            n.close();
            throw e;
        }
    }

    /** The nucleus network alone (for benchmarks of the steps). */
    HpaNetwork nucleiNetwork() {
        return nuclei;
    }

    /** The cell network alone. */
    HpaNetwork cellNetwork() {
        return cells;
    }

    /** The options in use. */
    public HpaModelOptions options() {
        return options;
    }

    @Override
    public HpaPrediction nuclei(FieldImage field) {
        HpaInput in = HpaInput.nuclei(field, options);
        return HpaOutput.nuclei(nuclei.probabilities(in), in, field.width(), field.height());
    }

    @Override
    public HpaPrediction cells(FieldImage field) {
        HpaInput in = HpaInput.cells(field, options);
        return HpaOutput.cells(cells.probabilities(in), in, field.width(), field.height());
    }

    @Override
    public void close() {
        try {
            nuclei.close();
        } finally {
            cells.close();
        }
    }
}
