package org.hpacell.cli;

import org.hpacell.io.ChannelNames;
import picocli.CommandLine.Option;

/**
 * {@code --channels}: which plane of a multi-channel TIFF field is which channel, for every command that
 * reads fields with {@code --data}; mix in with {@code @Mixin ChannelOptions channels;}.
 */
public final class ChannelOptions {
    @Option(names = "--channels", paramLabel = "NAMES",
            description = "For fields stored as one multi-channel TIFF (ID.ome.tif, ID.tif): the channel of each "
                    + "plane in file order, e.g. nucleus,protein,microtubules,er (- skips a plane). Default: the "
                    + "OME-XML channel names, else red,green,blue,yellow.")
    String channels;

    /** The plane of each channel ({@link ChannelNames#parseOrder}), or {@code null} to take it from each file. */
    public int[] order() {
        return channels == null ? null : ChannelNames.parseOrder(channels);
    }
}
