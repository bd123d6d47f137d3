package org.hpacell.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;

/**
 * Writes a dataset in the Kaggle/HPA layout that {@link HpaDataset} reads: each field as four
 * grayscale files {@code <ID>_red|green|blue|yellow.<ext>} and, for a labelled dataset, the rows of
 * {@code train.csv}, streamed as fields arrive.
 *
 * <p>Every image is written atomically, and a field's row is appended only after its four images are
 * complete, so {@code train.csv} lists exactly the fields written in full. The label file itself
 * appears (atomically) on {@link #close()}. {@link #write} is thread-safe: workers may write fields
 * concurrently; rows then follow completion order.
 *
 * <p>Values are written as stored in the {@link FieldImage}, rounded and clamped into the output bit
 * depth. If the output depth differs from the field's, values are first rescaled by the ratio of the
 * two depths' maximum values (65535 to 255 or back), so a 16-bit field saved as 8-bit keeps its look.
 */
public final class HpaWriter implements Closeable {
    private final Path dir;
    private final ImageFormat format;
    private final int bitDepth;
    private final TrainCsvWriter csv;

    private HpaWriter(Path dir, ImageFormat format, int bitDepth, TrainCsvWriter csv) {
        this.dir = dir;
        this.format = format;
        this.bitDepth = bitDepth;
        this.csv = csv;
    }

    /**
     * Starts a labelled dataset in {@code dir} (created if needed): images in {@code format} at
     * {@code bitDepth} (8 or 16), labels to {@code dir/train.csv}.
     */
    public static HpaWriter create(Path dir, ImageFormat format, int bitDepth) throws IOException {
        requireDepth(bitDepth);
        return new HpaWriter(dir, format, bitDepth, TrainCsvWriter.open(dir.resolve(HpaLayout.TRAIN_CSV)));
    }

    /** Writes a field's four images, then its {@code train.csv} row. Thread-safe. */
    public void write(FieldImage field, LabelSet labels) throws IOException {
        csv.checkId(field.id());
        writeImages(dir, field, format, bitDepth);
        csv.add(field.id(), labels);
    }

    /** Number of fields written so far. */
    public long written() {
        return csv.rows();
    }

    /** Finishes {@code train.csv} and moves it into place. */
    @Override
    public void close() throws IOException {
        csv.close();
    }

    /**
     * Writes a field's four channel files into {@code dir} (no label row), e.g. for an unlabelled test set.
     *
     * @param bitDepth 8 or 16; values are rescaled if it differs from the field's bit depth
     */
    public static void writeImages(Path dir, FieldImage field, ImageFormat format, int bitDepth) throws IOException {
        requireDepth(bitDepth);
        float scale = ((1 << bitDepth) - 1) / field.maxValue();
        for (Channel c : Channel.values()) {
            float[] values = field.channel(c);
            if (bitDepth != field.bitDepth()) {
                float[] scaled = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    scaled[i] = values[i] * scale;
                }
                values = scaled;
            }
            ImageFiles.writeGray(HpaLayout.channelPath(dir, field.id(), c, format), field.width(), field.height(),
                    bitDepth, values);
        }
    }

    private static void requireDepth(int bitDepth) {
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("can write 8- or 16-bit channels, not " + bitDepth + "-bit");
        }
    }
}
