package org.hpacell.segment;

import java.util.Objects;
import org.hpacell.image.FieldImage;

/**
 * A {@link CellSegmenter} made of two segmentation networks followed by HPA-Cell-Segmentation's
 * {@code label_cell} post-processing ({@link HpaPostprocess}), as HPA's own tool segments a field.
 * Closing it closes the networks.
 */
public final class NetworkSegmenter implements CellSegmenter, AutoCloseable {
    private final SegmentationNetworks networks;
    private final HpaPostprocess postprocess;

    /**
     * @param networks    the nucleus and cell networks
     * @param postprocess full-scale or quarter-scale post-processing ({@link HpaPostprocess#full()},
     *                    {@link HpaPostprocess#quarter()}), with size cut-offs matching the image scale
     */
    public NetworkSegmenter(SegmentationNetworks networks, HpaPostprocess postprocess) {
        this.networks = Objects.requireNonNull(networks, "networks");
        this.postprocess = Objects.requireNonNull(postprocess, "postprocess");
    }

    @Override
    public Segmentation segment(FieldImage field) {
        return postprocess.labelCell(networks.nuclei(field), networks.cells(field));
    }

    @Override
    public void close() {
        networks.close();
    }
}
