package org.hpacell.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hpacell.io.AtomicFiles;
import org.hpacell.train.config.ConfigFiles;

/**
 * One checkpoint file, written atomically: {@code "HPACKPT1"}, the {@link TrainState} as JSON
 * (length-prefixed UTF-8), the block's parameters in DJL's format (weights and batch-norm running
 * statistics), and the optimiser state as an encoded {@link NDList} (length-prefixed; empty for a
 * weights-only checkpoint).
 */
public final class Checkpoint {
    private static final byte[] MAGIC = "HPACKPT1".getBytes(StandardCharsets.US_ASCII);

    private Checkpoint() {
    }

    /** Writes a checkpoint atomically (a killed job leaves the previous file intact). */
    public static void write(Path file, TrainState state, Block block, NDList optimiserState) throws IOException {
        byte[] json = ConfigFiles.json().writeValueAsBytes(state);
        byte[] opt = optimiserState == null ? new byte[0] : optimiserState.encode();
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.write(MAGIC);
            out.writeInt(json.length);
            out.write(json);
            block.saveParameters(out);
            out.writeInt(opt.length);
            out.write(opt);
            out.flush();
        });
    }

    /** Reads only the state of a checkpoint. */
    public static TrainState readState(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            return state(file, in);
        }
    }

    /**
     * Reads a checkpoint into an initialised block of the same architecture.
     *
     * @return the state and the optimiser state (arrays attached to {@code manager}; empty if none saved)
     */
    public static Loaded read(Path file, Block block, NDManager manager) throws IOException {
        try (DataInputStream in = open(file)) {
            TrainState state = state(file, in);
            try {
                block.loadParameters(manager, in);
            } catch (MalformedModelException | RuntimeException e) {
                throw new IOException(file + ": weights do not fit the " + state.architecture() + " network: "
                        + e.getMessage(), e);
            }
            int n = in.readInt();
            NDList opt = n == 0 ? new NDList() : NDList.decode(manager, in.readNBytes(n));
            return new Loaded(state, opt);
        }
    }

    /** A checkpoint's content. */
    public record Loaded(TrainState state, NDList optimiserState) {
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            in.close();
            throw new IOException(file + ": not an hpacell checkpoint (bad header)");
        }
        return in;
    }

    private static TrainState state(Path file, DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n <= 0 || n > (1 << 20)) {
            throw new IOException(file + ": corrupt checkpoint (state length " + n + ")");
        }
        return ConfigFiles.json().readValue(in.readNBytes(n), TrainState.class);
    }
}
