package org.hpacell.segnet;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hpacell.image.Channel;
import org.hpacell.synth.SynthDataset;

/** What a segmentation network segments, and from which channels (HPA-Cell-Segmentation's choice). */
public enum SegmentationTarget {
    /** Nuclei, from the blue channel. */
    NUCLEI(List.of(Channel.BLUE)),
    /** Cells, from red (microtubules), yellow (ER) and blue (nucleus), in that order. */
    CELLS(List.of(Channel.RED, Channel.YELLOW, Channel.BLUE));

    private final List<Channel> channels;

    SegmentationTarget(List<Channel> channels) {
        this.channels = channels;
    }

    /** The input channels, in the network's order. */
    public List<Channel> channels() {
        return channels;
    }

    /** The lower-case name used in folder names, options and architecture names. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The true label image of a field of a synthetic atlas in {@code dir}. */
    public Path truthPath(Path dir, String id) {
        return this == NUCLEI ? SynthDataset.nucleiPath(dir, id) : SynthDataset.cellsPath(dir, id);
    }

    /** The target named {@code key} ({@code nuclei} or {@code cells}). */
    public static SegmentationTarget of(String key) {
        for (SegmentationTarget t : values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown segmentation target '" + key + "' (known: nuclei, cells)");
    }
}
