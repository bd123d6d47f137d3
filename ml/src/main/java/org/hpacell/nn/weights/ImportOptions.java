package org.hpacell.nn.weights;

import java.util.ArrayList;
import java.util.List;

/**
 * How a state dict is matched to a network's parameters. Immutable; each {@code with...} method
 * returns a changed copy.
 *
 * <ul>
 *   <li>{@link #stripping(String)}: a prefix removed from file names that carry it ({@code
 *       "module."} of a DataParallel checkpoint, {@code "model."} of a Lightning one).
 *   <li>{@link #ignoringFile(String)}: file entries whose (stripped) name starts with the prefix are
 *       skipped rather than reported as unexpected (e.g. {@code "fc."}: an ImageNet head).
 *   <li>{@link #allowingMissing(String)}: network parameters whose name starts with the prefix may be
 *       absent from the file and keep their values (e.g. {@code "fc."}: a new 19-class head).
 *   <li>{@link #withChannelExpansion(boolean)} (on by default): a 4-D convolution weight with fewer
 *       input channels in the file than in the network (RGB into RGBY) is expanded: the file's
 *       channels are copied and each extra channel gets their mean, as HPA solutions initialise the
 *       yellow channel.
 * </ul>
 *
 * PyTorch's {@code *.num_batches_tracked} buffers are always skipped (DJL has no such counter).
 */
public final class ImportOptions {
    private final String strippedPrefix;
    private final List<String> ignoredFilePrefixes;
    private final List<String> missingAllowedPrefixes;
    private final boolean channelExpansion;

    private ImportOptions(String strip, List<String> ignored, List<String> missing, boolean expand) {
        this.strippedPrefix = strip;
        this.ignoredFilePrefixes = List.copyOf(ignored);
        this.missingAllowedPrefixes = List.copyOf(missing);
        this.channelExpansion = expand;
    }

    /** Every file entry must match a parameter and vice versa; channel expansion on. */
    public static ImportOptions strict() {
        return new ImportOptions("", List.of(), List.of(), true);
    }

    /** A pretrained backbone under a new head: the file's {@code fc.*} is skipped, ours kept. */
    public static ImportOptions newHead() {
        return strict().ignoringFile("fc.").allowingMissing("fc.");
    }

    public ImportOptions stripping(String prefix) {
        return new ImportOptions(prefix, ignoredFilePrefixes, missingAllowedPrefixes, channelExpansion);
    }

    public ImportOptions ignoringFile(String prefix) {
        List<String> ignored = new ArrayList<>(ignoredFilePrefixes);
        ignored.add(prefix);
        return new ImportOptions(strippedPrefix, ignored, missingAllowedPrefixes, channelExpansion);
    }

    public ImportOptions allowingMissing(String prefix) {
        List<String> missing = new ArrayList<>(missingAllowedPrefixes);
        missing.add(prefix);
        return new ImportOptions(strippedPrefix, ignoredFilePrefixes, missing, channelExpansion);
    }

    public ImportOptions withChannelExpansion(boolean expand) {
        return new ImportOptions(strippedPrefix, ignoredFilePrefixes, missingAllowedPrefixes, expand);
    }

    /** The network name of a file entry (the stripped prefix removed). */
    String networkName(String fileName) {
        return !strippedPrefix.isEmpty() && fileName.startsWith(strippedPrefix)
                ? fileName.substring(strippedPrefix.length())
                : fileName;
    }

    boolean ignoresFileEntry(String networkName) {
        return networkName.endsWith("num_batches_tracked") || startsWithAny(networkName, ignoredFilePrefixes);
    }

    boolean allowsMissing(String networkName) {
        return startsWithAny(networkName, missingAllowedPrefixes);
    }

    boolean expandsChannels() {
        return channelExpansion;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
