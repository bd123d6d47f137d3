package org.hpacell.segment;

import java.util.Objects;
import java.util.function.Function;
import org.hpacell.image.FieldImage;

/**
 * A {@link CellSegmenter} made of two segmentation networks followed by HPA-Cell-Segmentation's
 * {@code label_cell} post-processing ({@link HpaPostprocess}), as HPA's own tool segments a field.
 * Closing it closes the networks.
 */
public final class NetworkSegmenter implements CellSegmenter, AutoCloseable {
    private final SegmentationNetworks networks;
    private final Function<FieldImage, HpaPostprocess> postprocess;

    /**
     * @param networks    the nucleus and cell networks
     * @param postprocess full-scale or quarter-scale post-processing ({@link HpaPostprocess#full()},
     *                    {@link HpaPostprocess#quarter()}), with size cut-offs matching the image scale
     */
    public NetworkSegmenter(SegmentationNetworks networks, HpaPostprocess postprocess) {
        this.networks = Objects.requireNonNull(networks, "networks");
        Objects.requireNonNull(postprocess, "postprocess");
        this.postprocess = field -> postprocess;
    }

    private NetworkSegmenter(SegmentationNetworks networks, Function<FieldImage, HpaPostprocess> postprocess) {
        this.networks = Objects.requireNonNull(networks, "networks");
        this.postprocess = postprocess;
    }

    /**
     * A segmenter whose post-processing cut-offs follow each field's size ({@link HpaSizes#scaledTo}):
     * for networks whose fields show cells at a pixel scale proportional to the field's side, as the
     * synthetic atlas does, rather than at HPA's fixed magnification.
     *
     * @param quarterScale post-process at 1/4 scale ({@link HpaSizes#QUARTER} scaled) instead of full
     *                     scale ({@link HpaSizes#FULL} scaled)
     */
    public static NetworkSegmenter scaledToField(SegmentationNetworks networks, boolean quarterScale) {
        HpaSizes reference = quarterScale ? HpaSizes.QUARTER : HpaSizes.FULL;
        return new NetworkSegmenter(networks,
                field -> HpaPostprocess.of(reference.scaledTo(field.width(), field.height()), quarterScale));
    }

    @Override
    public Segmentation segment(FieldImage field) {
        return postprocess.apply(field).labelCell(networks.nuclei(field), networks.cells(field));
    }

    @Override
    public void close() {
        networks.close();
    }
}
