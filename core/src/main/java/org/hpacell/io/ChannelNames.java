package org.hpacell.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.image.Channel;

/**
 * Which HPA channel a channel name of a multi-channel file stands for, case-insensitive: the Kaggle colour
 * ({@code red}, {@code green}, {@code blue}, {@code yellow}) or the stain ({@code microtubules}/{@code tubulin};
 * {@code protein}/{@code antibody}; {@code nucleus}/{@code nuclei}/{@code DAPI}/{@code Hoechst};
 * {@code ER}/{@code endoplasmic}). A name matches when one of its words (split at anything but letters and
 * digits) is one of these, so {@code "DAPI (nucleus)"} and {@code "Alexa488 antibody"} match too.
 */
public final class ChannelNames {
    private static final Map<Channel, List<String>> WORDS = Map.of(
            Channel.RED, List.of("red", "microtubules", "microtubule", "tubulin"),
            Channel.GREEN, List.of("green", "protein", "antibody"),
            Channel.BLUE, List.of("blue", "nucleus", "nuclei", "nuclear", "dapi", "hoechst"),
            Channel.YELLOW, List.of("yellow", "er", "endoplasmic"));

    private ChannelNames() {
    }

    /**
     * The channel {@code name} stands for, or {@code null} if it names none.
     *
     * @throws IllegalArgumentException if it names two channels (e.g. {@code "red nucleus"})
     */
    public static Channel of(String name) {
        Channel found = null;
        for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+")) {
            for (Channel c : Channel.values()) {
                if (WORDS.get(c).contains(word)) {
                    if (found != null && found != c) {
                        throw new IllegalArgumentException("channel name '" + name + "' names both "
                                + found.suffix() + " and " + c.suffix());
                    }
                    found = c;
                }
            }
        }
        return found;
    }

    /**
     * The plane of each channel from a comma-separated list of names in file order, as {@code --channels}
     * takes it: {@code "nucleus,protein,microtubules,er"} says plane 0 is the nucleus (blue), plane 1 the
     * protein (green), and so on; {@code -} skips a plane the file has but hpacell does not use.
     *
     * @return the plane index of each channel, indexed by {@link Channel#ordinal()}
     * @throws IllegalArgumentException if a name names no channel, or the list misses or repeats one
     */
    public static int[] parseOrder(String list) {
        int[] plane = {-1, -1, -1, -1};
        String[] names = list.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            if (name.equals("-")) {
                continue;
            }
            Channel c = of(name);
            if (c == null) {
                throw new IllegalArgumentException("--channels: '" + name + "' names no channel (use red, green, "
                        + "blue, yellow or microtubules, protein, nucleus, er; - skips a plane)");
            }
            if (plane[c.ordinal()] >= 0) {
                throw new IllegalArgumentException("--channels: " + c.suffix() + " is given twice in '" + list + "'");
            }
            plane[c.ordinal()] = i;
        }
        for (Channel c : Channel.values()) {
            if (plane[c.ordinal()] < 0) {
                throw new IllegalArgumentException("--channels: '" + list + "' has no " + c.suffix()
                        + " channel; name all four (red, green, blue, yellow) in file order");
            }
        }
        return plane;
    }
}
