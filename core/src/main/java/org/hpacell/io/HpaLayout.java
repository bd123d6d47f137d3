package org.hpacell.io;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpacell.image.Channel;

/**
 * File names of the Kaggle/HPA layout: one file per channel, {@code <ID>_<channel>.<ext>}
 * (channel {@code red|green|blue|yellow}, extension {@code png|tif|tiff}), and {@code train.csv}; or
 * one multi-channel TIFF per field, {@code <ID>.ome.tif}, {@code <ID>.ome.tiff}, {@code <ID>.tif} or
 * {@code <ID>.tiff} ({@link TiffStack}).
 */
public final class HpaLayout {
    /** The label file's name. */
    public static final String TRAIN_CSV = "train.csv";

    // The id is everything before the last "_<channel>.": HPA ids themselves contain '_' and '-'.
    private static final Pattern CHANNEL_FILE =
            Pattern.compile("(.+)_(red|green|blue|yellow)\\.(?i:png|tif|tiff)");

    private static final Pattern STACK_FILE = Pattern.compile("(.+?)(?i:\\.ome)?\\.(?i:tif|tiff)");

    private HpaLayout() {
    }

    /** The file name of one channel of a field, e.g. {@code ID_red.png}. */
    public static String fileName(String id, Channel channel, ImageFormat format) {
        return id + "_" + channel.suffix() + "." + format.extension();
    }

    /** The path of one channel of a field in {@code dir}. */
    public static Path channelPath(Path dir, String id, Channel channel, ImageFormat format) {
        return dir.resolve(fileName(id, channel, format));
    }

    /** A file name split into field id and channel. */
    public record ChannelFile(String id, Channel channel) {
    }

    /** The id and channel a file name stands for, or {@code null} if it is not a channel file. */
    public static ChannelFile parse(String fileName) {
        Matcher m = CHANNEL_FILE.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        for (Channel c : Channel.values()) {
            if (c.suffix().equals(m.group(2))) {
                return new ChannelFile(m.group(1), c);
            }
        }
        throw new AssertionError(m.group(2));
    }

    /**
     * The field id of a multi-channel TIFF ({@code ID.ome.tif}, {@code ID.ome.tiff}, {@code ID.tif},
     * {@code ID.tiff}), or {@code null} if the name is not one (a channel file {@code ID_red.tif} is not).
     */
    public static String stackId(String fileName) {
        if (fileName.startsWith(".") || parse(fileName) != null) {
            return null;
        }
        Matcher m = STACK_FILE.matcher(fileName);
        return m.matches() ? m.group(1) : null;
    }
}
