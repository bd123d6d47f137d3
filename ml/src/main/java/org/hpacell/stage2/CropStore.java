package org.hpacell.stage2;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.Geometry;
import org.hpacell.train.data.Resampler;

/**
 * Cell crops cut once, resized to the model's input side and kept on disk, so that the memory of stage-2
 * training does not grow with the number of cells: one file of fixed-size records, each crop's four
 * channels as 16-bit values ({@code side x side} per channel, little-endian), read back with positional
 * reads (safe from any number of loader threads).
 *
 * <p>Values are rescaled to the 16-bit range ({@code round(v / maxValue * 65535)}) and read back as a
 * 16-bit image, so the engine's normalisation ({@code v / maxValue}) sees the crop's values to within
 * 1/65535 of full scale whatever the field's bit depth. The resize is the engine's own bilinear resampling
 * ({@link Resampler}) of the whole crop to {@code side}, the same as the scorer applies at prediction time;
 * training augmentation (flips, quarter turns, crops) then works on the stored crop.
 */
public final class CropStore implements Closeable {
    private final Path file;
    private final int side;
    private final int recordBytes;
    private final FileChannel channel;
    private int count;

    private CropStore(Path file, int side, FileChannel channel) {
        this.file = file;
        this.side = side;
        this.recordBytes = Channel.COUNT * side * side * Short.BYTES;
        this.channel = channel;
    }

    /**
     * A new, empty store in {@code file} (replacing any left by an earlier run).
     *
     * @throws IOException naming the file if it cannot be created
     */
    public static CropStore create(Path file, int side) throws IOException {
        if (side < 1) {
            throw new IllegalArgumentException("crop side must be >= 1, got " + side);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new CropStore(file, side, FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new IOException(file + ": cannot create the crop store: " + e.getMessage(), e);
        }
    }

    /** The side every crop is stored at. */
    public int side() {
        return side;
    }

    /** Crops stored so far. */
    public int size() {
        return count;
    }

    /**
     * Resizes {@code crop} to {@link #side()} and appends it.
     *
     * @return its index
     */
    public synchronized int add(FieldImage crop) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        ShortBuffer out = buf.asShortBuffer();
        Geometry g = Geometry.identity(crop.width(), crop.height(), side);
        float toU16 = 65535f / crop.maxValue();
        for (Channel c : Channel.values()) {
            float[] r = Resampler.bilinear(crop.channel(c), crop.width(), crop.height(), g);
            for (float v : r) {
                out.put((short) Math.round(Math.max(0f, Math.min(65535f, v * toU16))));
            }
        }
        long pos = (long) count * recordBytes;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
        return count++;
    }

    /** Reads crop {@code index} back as a 16-bit image named {@code id}. */
    public FieldImage read(int index, String id) throws IOException {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("crop " + index + " of " + count + " in " + file);
        }
        ByteBuffer buf = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        long pos = (long) index * recordBytes;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos + buf.position());
            if (n < 0) {
                throw new IOException(file + ": crop " + index + " is truncated");
            }
        }
        buf.flip();
        ShortBuffer in = buf.asShortBuffer();
        int plane = side * side;
        float[][] planes = new float[Channel.COUNT][plane];
        for (int c = 0; c < Channel.COUNT; c++) {
            for (int i = 0; i < plane; i++) {
                planes[c][i] = Short.toUnsignedInt(in.get());
            }
        }
        return new FieldImage(id, side, side, 16, planes);
    }

    /** A training sample that reads crop {@code index} from this store when the loader asks for it. */
    public FieldSample sample(int index, String id, LabelSet labels) {
        return new FieldSample() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public LabelSet labels() {
                return labels;
            }

            @Override
            public FieldImage image() throws IOException {
                return read(index, id);
            }
        };
    }

    /** Closes the file and deletes it: the crops are re-cut (deterministically) when training resumes. */
    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
