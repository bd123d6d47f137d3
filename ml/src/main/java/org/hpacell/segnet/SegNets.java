package org.hpacell.segnet;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpacell.image.Channel;
import org.hpacell.nn.unet.DoubleConvEncoder;
import org.hpacell.nn.unet.UNets;
import org.hpacell.stage2.SegmenterClassifier;
import org.hpacell.train.ClassifierFactory;

/**
 * The segmentation networks by architecture name, {@code segnet-TARGET-wWIDTH-dDEPTH} (e.g. {@code
 * segnet-nuclei-w8-d4}): the classic U-Net ({@link UNets#segmentation}: double-convolution encoder of
 * {@code DEPTH} stages starting at {@code WIDTH} channels) on the target's channels of the four field
 * channels ({@link ChannelSelectingEncoder}), predicting HPA's three maps, wrapped as a
 * {@link SegmenterClassifier} so the training engine trains it ({@code forward} gives the mean logits
 * and the {@code (N, 3, H, W)} logit maps).
 */
public final class SegNets {
    /** Prefix of the architecture names. */
    public static final String PREFIX = "segnet-";
    private static final Pattern NAME = Pattern.compile("segnet-(nuclei|cells)-w(\\d+)-d(\\d+)");

    private SegNets() {
    }

    /** The architecture name of a segmentation network. */
    public static String name(SegmentationTarget target, int width, int depth) {
        return String.format(Locale.ROOT, "%s%s-w%d-d%d", PREFIX, target.key(), width, depth);
    }

    /** The target a {@code segnet-...} name segments. */
    public static SegmentationTarget target(String name) {
        return SegmentationTarget.of(parse(name).group(1));
    }

    /** The U-Net width a {@code segnet-...} name gives. */
    public static int width(String name) {
        return Integer.parseInt(parse(name).group(2));
    }

    /** The U-Net depth a {@code segnet-...} name gives. */
    public static int depth(String name) {
        return Integer.parseInt(parse(name).group(3));
    }

    /** A fresh network of a {@code segnet-...} name, taking the four field channels. */
    public static SegmenterClassifier create(String name) {
        Matcher m = parse(name);
        SegmentationTarget target = SegmentationTarget.of(m.group(1));
        int width = width(name);
        int depth = depth(name);
        List<Channel> channels = target.channels();
        int[] selected = channels.stream().mapToInt(Channel::ordinal).toArray();
        DoubleConvEncoder inner = new DoubleConvEncoder(selected.length, width, depth);
        return new SegmenterClassifier(UNets.withEncoder(
                new ChannelSelectingEncoder(Channel.COUNT, selected, inner), UNets.HPA_SEGMENTATION_MAPS));
    }

    /** Makes {@code segnet-...} networks (the class count is always HPA's 3); other names go to {@code others}. */
    public static ClassifierFactory factory(ClassifierFactory others) {
        return (name, in, k) -> {
            if (!name.startsWith(PREFIX)) {
                return others.create(name, in, k);
            }
            if (in != Channel.COUNT) {
                throw new IllegalArgumentException(name + " takes the " + Channel.COUNT + " field channels, not " + in);
            }
            return create(name);
        };
    }

    private static Matcher parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a segmentation network name: '" + name
                    + "' (expected segnet-nuclei|cells-wWIDTH-dDEPTH, e.g. segnet-nuclei-w8-d4)");
        }
        return m;
    }
}
