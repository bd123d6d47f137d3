package org.hpacell.nn.store;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hpacell.io.AtomicFiles;
import org.hpacell.nn.Architectures;
import org.hpacell.nn.EncoderClassifier;
import org.hpacell.nn.unet.UNet;

/**
 * Saves and loads our networks in a folder (e.g. a run directory): {@value #SPEC_FILE} (a {@link
 * NetworkSpec} as JSON) and {@value #PARAMETERS_FILE} (DJL's parameter encoding, including batch-norm
 * running statistics). Both are written atomically; the parameters first, so a folder whose spec is
 * present always has parameters.
 */
public final class NetworkFiles {
    public static final String SPEC_FILE = "network.json";
    public static final String PARAMETERS_FILE = "network.params";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetworkFiles() {}

    /** A loaded network and the spec it was built from. */
    public record Loaded(NetworkSpec spec, Block block) {}

    /** Saves an initialised network built by {@link Architectures} or {@link org.hpacell.nn.unet.UNets}. */
    public static void save(Block network, Path dir) throws IOException {
        if (!network.isInitialized()) {
            throw new IllegalStateException("initialise the network before saving it to " + dir);
        }
        NetworkSpec spec = NetworkSpec.of(network);
        AtomicFiles.write(dir.resolve(PARAMETERS_FILE), out -> {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
            network.saveParameters(data);
            data.flush();
        });
        AtomicFiles.writeString(dir.resolve(SPEC_FILE), JSON.writeValueAsString(spec) + "\n");
    }

    /** Reads only the spec of a saved network. */
    public static NetworkSpec readSpec(Path dir) throws IOException {
        Path file = dir.resolve(SPEC_FILE);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no saved network here");
        }
        try {
            return JSON.readValue(file.toFile(), NetworkSpec.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a network description: " + e.getOriginalMessage(), e);
        }
    }

    /** Rebuilds the saved network and loads its parameters, ready for inference or further training. */
    public static Loaded load(Path dir, NDManager manager) throws IOException {
        NetworkSpec spec = readSpec(dir);
        Block block;
        try {
            block = spec.build();
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(SPEC_FILE) + ": " + e.getMessage(), e);
        }
        Path params = dir.resolve(PARAMETERS_FILE);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(params))) {
            block.loadParameters(manager, new DataInputStream(in));
        } catch (MalformedModelException | IOException | RuntimeException e) {
            throw new IOException(params + ": parameters do not fit " + spec + ": " + e.getMessage(), e);
        }
        // marks trainable parameters as requiring gradients (the arrays are already loaded)
        block.initialize(manager, DataType.FLOAT32, block.getInputShapes());
        return new Loaded(spec, block);
    }

    /** {@link #load} of a saved image classifier. */
    public static EncoderClassifier loadClassifier(Path dir, NDManager manager) throws IOException {
        Block b = load(dir, manager).block();
        if (!(b instanceof EncoderClassifier c)) {
            throw new IOException(dir.resolve(SPEC_FILE) + ": holds a U-Net, not an image classifier");
        }
        return c;
    }

    /** {@link #load} of a saved U-Net. */
    public static UNet loadUNet(Path dir, NDManager manager) throws IOException {
        Block b = load(dir, manager).block();
        if (!(b instanceof UNet u)) {
            throw new IOException(dir.resolve(SPEC_FILE) + ": holds an image classifier, not a U-Net");
        }
        return u;
    }
}
